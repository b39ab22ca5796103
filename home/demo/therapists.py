"""Sample therapist profiles. The people are fictional and every profile says so."""

from .images import Portrait
from .stream import ImageRef, PageRef, days_ago, paragraphs

SAMPLE_NOTE = "<p><i>Sample profile for demonstration: this clinician is fictional.</i></p>"

PORTRAITS = {
    "portrait-elena-marquez": Portrait("Elena Marquez", background="#e8efe9", circle="#6f9a86"),
    "portrait-nathaniel-brooks": Portrait(
        "Nathaniel Brooks", background="#e6ebf3", circle="#5f7fa3"
    ),
    "portrait-priya-raman": Portrait("Priya Raman", background="#f1e8f0", circle="#8f6d8c"),
    "portrait-marcus-whitfield": Portrait(
        "Marcus Whitfield", background="#f4ede2", circle="#a0784f"
    ),
    "portrait-hannah-cole": Portrait("Hannah Cole", background="#e5f1f1", circle="#4f8c8c"),
    "portrait-samuel-adeyemi": Portrait("Samuel Adeyemi", background="#eef0e2", circle="#7a8a4f"),
}


def _services(*slugs: str) -> list[PageRef]:
    return [PageRef(slug) for slug in slugs]


CREDENTIAL_NAMES = {
    "LCSW": "Licensed Clinical Social Worker",
    "LMFT": "Licensed Marriage and Family Therapist",
    "LPC": "Licensed Professional Counselor",
    "NCC": "National Certified Counselor",
    "PhD": "Doctor of Philosophy in Clinical Psychology",
    "PsyD": "Doctor of Psychology",
}


def credentials(*abbreviations: str) -> list[dict]:
    return [
        {"abbreviation": letters, "name": CREDENTIAL_NAMES[letters]} for letters in abbreviations
    ]


def licences(licence_type: str, *numbers_by_state: tuple[str, str]) -> list[dict]:
    """One licence per state, each with its own (sample) number."""
    return [
        {"state": state, "licence_type": licence_type, "number": number}
        for state, number in numbers_by_state
    ]


def states(*codes: str) -> list[dict]:
    return [{"state": code} for code in codes]


THERAPISTS = {
    "elena-marquez": {
        "title": "Elena Marquez",
        "credentials": credentials("LCSW"),
        "job_title": "Perinatal mental health therapist",
        "licences": licences(
            "Licensed Clinical Social Worker", ("AL", "SAMPLE-1042"), ("GA", "SAMPLE-1043")
        ),
        "photo": ImageRef("portrait-elena-marquez"),
        "summary": (
            "I help new and expecting parents feel less alone with anxiety, low mood and mom "
            "guilt. Sessions in English or Spanish. Sample profile for demonstration."
        ),
        "bio": SAMPLE_NOTE
        + paragraphs(
            "I became a therapist after seeing how isolating the first year of parenthood "
            "can be. I work with women and parents through pregnancy, birth, loss and the "
            "return to work, and I offer sessions in English and Spanish.",
            "My style is warm and practical. We will make room for the hard feelings and "
            "find small changes that fit real life with a baby. Little ones are always "
            "welcome in session.",
        ),
        "services": _services(
            "perinatal-and-postpartum-therapy",
            "cognitive-behavioral-therapy",
            "mindfulness-based-therapy",
        ),
        "specialties": [
            "Postpartum and perinatal mood",
            "Anxiety",
            "Parenting stress",
            "Life transitions",
        ],
        "client_groups": ["Adults", "New and expecting parents"],
        "languages": ["English", "Spanish"],
        "insurance_accepted": ["Blue Cross Blue Shield of Alabama", "Aetna", "Cigna"],
        "session_fee": 140,
        "sliding_scale": True,
        "offers_telehealth": True,
        "telehealth_states": states("AL", "GA"),
        "offers_in_person": True,
        "accepting_new_clients": True,
        "availability_as_of": days_ago(6),
    },
    "nathaniel-brooks": {
        "title": "Nathaniel Brooks",
        "credentials": credentials("PhD"),
        "job_title": "Clinical director and psychologist",
        "licences": licences("Licensed Psychologist", ("AL", "SAMPLE-2210")),
        "photo": ImageRef("portrait-nathaniel-brooks"),
        "summary": (
            "I help adults recover from trauma and anxiety with EMDR and CBT, at a pace that "
            "feels safe. Sample profile for demonstration."
        ),
        "bio": SAMPLE_NOTE
        + paragraphs(
            "I have worked with survivors of trauma for many years, first in a veterans' "
            "clinic and now in private practice. I lead our clinical team and review many of "
            "the articles on this site.",
            "People often tell me they expected therapy to be about reliving the worst "
            "moments. Our work starts with steadiness and skills; we approach memories only "
            "when you are ready.",
        ),
        "services": _services("emdr-therapy", "cognitive-behavioral-therapy"),
        "specialties": ["Trauma and PTSD", "Anxiety", "Panic attacks", "Depression"],
        "client_groups": ["Adults", "Older adults"],
        "languages": ["English"],
        "insurance_accepted": [
            "Blue Cross Blue Shield of Alabama",
            "UnitedHealthcare",
            "Medicare",
            "Tricare",
        ],
        "session_fee": 180,
        "sliding_scale": False,
        "offers_telehealth": True,
        "telehealth_states": states("AL"),
        "offers_in_person": True,
        "accepting_new_clients": False,
        "availability_as_of": days_ago(3),
    },
    "priya-raman": {
        "title": "Priya Raman",
        "credentials": credentials("LPC"),
        "job_title": "Staff therapist",
        "licences": licences("Licensed Professional Counselor", ("AL", "SAMPLE-3317")),
        "photo": ImageRef("portrait-priya-raman"),
        "summary": (
            "I help adults quiet the inner critic and make peace with the parts of themselves "
            "they struggle with. Sample profile for demonstration."
        ),
        "bio": SAMPLE_NOTE
        + paragraphs(
            "Many of the people I work with are high achievers who feel anxious, exhausted "
            "and never quite good enough. Together we get curious about the parts of you "
            "that push so hard, and what they are protecting.",
            "I am trained in Internal Family Systems and mindfulness-based therapy, and I am "
            "glad to work with LGBTQ+ clients and people navigating identity questions.",
        ),
        "services": _services("internal-family-systems", "mindfulness-based-therapy"),
        "specialties": ["Anxiety", "Self-esteem", "Stress and burnout", "Life transitions"],
        "client_groups": ["Adults", "LGBTQ+ clients"],
        "languages": ["English"],
        "insurance_accepted": ["Aetna", "Cigna", "UnitedHealthcare"],
        "session_fee": 130,
        "sliding_scale": True,
        "offers_telehealth": True,
        "telehealth_states": states("AL"),
        "offers_in_person": False,
        "accepting_new_clients": True,
        "availability_as_of": days_ago(10),
    },
    "marcus-whitfield": {
        "title": "Marcus Whitfield",
        "credentials": credentials("LMFT"),
        "job_title": "Couples and family therapist",
        "licences": licences(
            "Licensed Marriage and Family Therapist", ("AL", "SAMPLE-4486"), ("TN", "SAMPLE-4487")
        ),
        "photo": ImageRef("portrait-marcus-whitfield"),
        "summary": (
            "I help couples and families break out of painful cycles and find their way back "
            "to each other. Sample profile for demonstration."
        ),
        "bio": SAMPLE_NOTE
        + paragraphs(
            "I see relationships as systems: when one conversation goes wrong, it is usually "
            "part of a pattern both people are caught in. My job is to slow that pattern down "
            "so that you can both see it, and change it.",
            "I work with couples at every stage, and with parents and teens who have stopped "
            "being able to talk without arguing.",
        ),
        "services": _services("couples-therapy", "child-and-teen-therapy"),
        "specialties": ["Relationship stress", "Parenting stress", "Life transitions"],
        "client_groups": ["Couples", "Teens (13–17)", "Adults"],
        "languages": ["English"],
        "insurance_accepted": ["Blue Cross Blue Shield of Alabama", "Tricare"],
        "session_fee": 160,
        "sliding_scale": False,
        "offers_telehealth": True,
        "telehealth_states": states("AL", "TN"),
        "offers_in_person": True,
        "accepting_new_clients": True,
        "availability_as_of": days_ago(4),
    },
    "hannah-cole": {
        "title": "Hannah Cole",
        "credentials": credentials("PsyD"),
        "job_title": "Child and adolescent psychologist",
        "licences": licences("Licensed Psychologist", ("AL", "SAMPLE-5023")),
        "photo": ImageRef("portrait-hannah-cole"),
        "summary": (
            "I help children and teens with worry, big feelings and OCD, and coach parents to "
            "support them at home. Sample profile for demonstration."
        ),
        "bio": SAMPLE_NOTE
        + paragraphs(
            "Kids rarely come to therapy by choice, so my first job is to make it a place "
            "they want to come back to. With younger children we learn through play; with "
            "teens we talk, and sometimes walk.",
            "I use CBT, exposure therapy for OCD and anxiety, and DBT skills for teens with "
            "intense emotions. Parents are partners in everything we do.",
        ),
        "services": _services(
            "child-and-teen-therapy", "dbt-skills", "cognitive-behavioral-therapy"
        ),
        "specialties": ["Anxiety", "OCD", "Panic attacks", "Depression"],
        "client_groups": ["Children (6–12)", "Teens (13–17)"],
        "languages": ["English"],
        "insurance_accepted": ["Blue Cross Blue Shield of Alabama", "Aetna", "UnitedHealthcare"],
        "session_fee": 170,
        "sliding_scale": False,
        "offers_telehealth": True,
        "telehealth_states": states("AL"),
        "offers_in_person": True,
        "accepting_new_clients": True,
        "availability_as_of": days_ago(2),
    },
    "samuel-adeyemi": {
        "title": "Samuel Adeyemi",
        "credentials": credentials("LPC", "NCC"),
        "job_title": "Staff therapist",
        "licences": licences("Licensed Professional Counselor", ("AL", "SAMPLE-6158")),
        "photo": ImageRef("portrait-samuel-adeyemi"),
        "summary": (
            "I help adults and older adults through grief, depression and big life changes. "
            "Sample profile for demonstration."
        ),
        "bio": SAMPLE_NOTE
        + paragraphs(
            "Loss comes in many forms: a death, a diagnosis, a divorce, retirement. I offer a "
            "steady, unhurried space to make sense of what has changed and to find your "
            "footing again.",
            "I combine CBT with mindfulness practices and I especially enjoy working with "
            "older adults. Medicare is accepted.",
        ),
        "services": _services("cognitive-behavioral-therapy", "mindfulness-based-therapy"),
        "specialties": ["Grief and loss", "Depression", "Life transitions", "Anxiety"],
        "client_groups": ["Adults", "Older adults"],
        "languages": ["English"],
        "insurance_accepted": ["Medicare", "Blue Cross Blue Shield of Alabama", "Cigna"],
        "session_fee": 120,
        "sliding_scale": True,
        "offers_telehealth": True,
        "telehealth_states": states("AL"),
        "offers_in_person": True,
        "accepting_new_clients": True,
        "availability_as_of": days_ago(8),
    },
}
