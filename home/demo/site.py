"""The demo practice: contact details, settings, artwork, shared lists and the plain pages."""

from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings

from .images import Illustration, Landscape, Logo
from .stream import (
    ImageRef,
    PageRef,
    bullets,
    call_to_action,
    callout,
    faq,
    h2,
    h3,
    nav_link,
    page_link,
    paragraph,
    paragraphs,
    pull_quote,
)

PRACTICE_NAME = "Riverbend Counseling Collective"
PHONE = "(205) 555-0142"
EMAIL = "hello@riverbend-counseling.example"


def site_record() -> dict:
    """The Site the demo is served as: SITE_URL's host and port (`make run` exports
    http://127.0.0.1:8000, `make serve` its own port), so that canonical URLs, the sitemap and
    the JSON-LD name the address the demo is actually served from."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    return {"hostname": address.hostname, "port": port, "site_name": PRACTICE_NAME}


def _sky(description: str) -> str:
    return f"Abstract illustration of {description}"


IMAGES = {
    "logo": Logo(
        title="Riverbend Counseling Collective logo",
        alt_text="Riverbend Counseling Collective logo: a river bending through a teal circle",
        colour="#2f6f73",
    ),
    "green-hills-dawn": Landscape(
        title="Green hills at dawn",
        alt_text=_sky("soft green hills at dawn under a peach sky"),
        sky=("#f4c9b3", "#fbefe3"),
        hills=("#b7cfae", "#8fb199", "#668e7c"),
        sun="#fbd7a1",
    ),
    # One illustration per service and per article topic (home/demo/images.py MOTIFS).
    "service-cbt": Illustration(
        title="Illustration: thoughts, feelings and actions in a loop",
        alt_text="Illustration: three linked circles for thoughts, feelings and actions",
        motif="thought-loop",
        background=("#e3edf6", "#f6f9fc"),
        colours=("#2a5875", "#9fb5c9", "#d9a25f"),
    ),
    "service-ifs": Illustration(
        title="Illustration: a calm centre among its parts",
        alt_text="Illustration: a central circle linked to six smaller circles around it",
        motif="parts",
        background=("#efe7f4", "#faf6fb"),
        colours=("#6b5f86", "#b4a3c8", "#d98f7a"),
    ),
    "service-mindfulness": Illustration(
        title="Illustration: ripples of a breath",
        alt_text="Illustration: ripples spreading from a single point, like a slow breath",
        motif="ripples",
        background=("#dcefec", "#f4f8f6"),
        colours=("#2f6f73", "#7fb0a8", "#e3b26b"),
    ),
    "service-emdr": Illustration(
        title="Illustration: a light moving from side to side",
        alt_text="Illustration: dots along a wave, moving left and right",
        motif="bilateral",
        background=("#f8e6d6", "#fdf5ec"),
        colours=("#b5652f", "#e3bfa0", "#5f8f8a"),
    ),
    "service-dbt": Illustration(
        title="Illustration: acceptance and change in balance",
        alt_text="Illustration: a level beam balancing a circle and a square",
        motif="balance",
        background=("#f4ecd9", "#fbf7ee"),
        colours=("#8a6a2f", "#d4b98a", "#5e7f9a"),
    ),
    "service-perinatal": Illustration(
        title="Illustration: a small one held in a larger curve",
        alt_text="Illustration: a small circle cradled in a large curve",
        motif="nest",
        background=("#f9e3e1", "#fdf3f1"),
        colours=("#c9948f", "#fdf3f1", "#9c5a57"),
    ),
    "service-couples": Illustration(
        title="Illustration: two linked rings",
        alt_text="Illustration: two rings linked together",
        motif="rings",
        background=("#e4e8f5", "#f7f3f6"),
        colours=("#5b6aa0", "#c3cde6", "#c0707f"),
    ),
    "service-children": Illustration(
        title="Illustration: three sprouts growing",
        alt_text="Illustration: three sprouts of rising height",
        motif="growth",
        background=("#e8f3de", "#f8fbf3"),
        colours=("#4f7f3f", "#a7c48f", "#7fae5f"),
    ),
    "topic-parenting": Illustration(
        title="Illustration: a parent and child under one roof",
        alt_text="Illustration: a large and a small figure under one roof",
        motif="shelter",
        background=("#fbe9dc", "#fdf6ef"),
        colours=("#c77f55", "#f3d2bb", "#7a5a48"),
    ),
    "topic-anxiety": Illustration(
        title="Illustration: a wave that crests and settles",
        alt_text="Illustration: a tall wave settling into calm water",
        motif="wave",
        background=("#e2ecf3", "#f5f8fb"),
        colours=("#4f7898", "#a8c3d6", "#f0c27a"),
    ),
    "topic-trauma": Illustration(
        title="Illustration: a tree held by its roots",
        alt_text="Illustration: a round tree with its roots spreading into the ground",
        motif="roots",
        background=("#e6efe2", "#f6f9f3"),
        colours=("#5d4a3a", "#c9b79c", "#6f9a6a"),
    ),
    "topic-sleep": Illustration(
        title="Illustration: a crescent moon and stars",
        alt_text="Illustration: a crescent moon and a few stars in a night sky",
        motif="moon",
        background=("#24324f", "#3b4a6b"),
        colours=("#f3e2a9", "#2f3d5d", "#f3e2a9"),
    ),
    "topic-relationships": Illustration(
        title="Illustration: a bridge between two banks",
        alt_text="Illustration: an arched bridge joining two banks, two figures meeting on it",
        motif="bridge",
        background=("#f6e8e2", "#fcf6f2"),
        colours=("#9b5f6b", "#d9bfb0", "#5b6aa0"),
    ),
}

# Shared lists (snippets). An entry is a name, or (name, slug) where the name makes a poor slug.
TOPICS = ["Anxiety", "Parenting", "Women's issues", "Trauma", "Relationships", "Self-care"]
SPECIALTIES = [
    "Anxiety",
    "Panic attacks",
    "Trauma and PTSD",
    "Depression",
    "Postpartum and perinatal mood",
    "Grief and loss",
    "Relationship stress",
    "OCD",
    "Self-esteem",
    "Life transitions",
    "Stress and burnout",
    "Parenting stress",
]
CLIENT_GROUPS = [
    ("Children (6–12)", "children"),
    ("Teens (13–17)", "teens"),
    "Adults",
    "Older adults",
    "Couples",
    "New and expecting parents",
    ("LGBTQ+ clients", "lgbtq-clients"),
]
LANGUAGES = ["English", "Spanish"]
INSURANCE_PROVIDERS = [
    "Blue Cross Blue Shield of Alabama",
    "Aetna",
    "Cigna",
    "UnitedHealthcare",
    "Medicare",
    "Tricare",
]


def _hours(days: list[str], opens: str, closes: str, note: str = "") -> dict:
    return {
        "type": "hours",
        "value": {"days": days, "opens": opens, "closes": closes, "note": note},
    }


PRACTICE_SETTINGS = {
    "practice_name": PRACTICE_NAME,
    "tagline": "Therapy for anxiety, trauma and life's hard seasons",
    "logo": ImageRef("logo"),
    "phone": PHONE,
    # Blank: the booking buttons go to the request form below, not an external scheduler.
    "booking_url": "",
    "booking_label": "Request an appointment",
    "email": EMAIL,
    "street_address": "2100 Example Avenue South\nSuite 300",
    "locality": "Birmingham",
    "region": "AL",
    "postal_code": "35205",
    "country": "US",
    "latitude": Decimal("33.502100"),
    "longitude": Decimal("-86.802500"),
    "opening_hours": [
        _hours(["Monday", "Tuesday", "Wednesday", "Thursday"], "08:00:00", "20:00:00"),
        _hours(["Friday"], "08:00:00", "16:00:00"),
        _hours(["Saturday"], "09:00:00", "13:00:00", note="telehealth only"),
    ],
    "telehealth_message": "Secure telehealth sessions for clients anywhere in Alabama",
    "telehealth_states": [{"state": "AL"}],
    "accepting_new_clients": True,
    # Placeholder profiles of the fictional practice; a real one lists its own.
    "profile_links": [
        {"type": "profile", "value": "https://www.facebook.com/riverbend.counseling.example"},
        {
            "type": "profile",
            "value": "https://www.linkedin.com/company/riverbend-counseling-example",
        },
    ],
    "navigation": [
        nav_link("services"),
        nav_link("therapists"),
        nav_link("articles"),
        nav_link("about-us", label="About"),
        nav_link("fees-and-insurance", label="Fees & insurance"),
    ],
    "footer_links": [
        nav_link("privacy-notice"),
        nav_link("accessibility", label="Accessibility"),
        nav_link("fees-and-insurance", label="Fees & insurance"),
    ],
}

# wagtail-seo keeps only what it alone does: which tags to output and the default share image.
# The practice's identity (and its JSON-LD) comes from PRACTICE_SETTINGS.
SEO_SETTINGS = {
    "og_meta": True,
    "struct_meta": True,
    "twitter_meta": True,
    "twitter_site": "",
    "og_image_default": ImageRef("green-hills-dawn"),
}

HOME = {
    "seo_title": "Therapy for anxiety and trauma in Birmingham, AL",
    "search_description": (
        "Riverbend Counseling Collective: counselors, social workers and psychologists in "
        "Birmingham, Alabama, in person and by telehealth."
    ),
    "summary": (
        "A team of counselors, social workers and psychologists in Birmingham, Alabama, "
        "helping with anxiety, trauma, parenting and relationships, in person and by telehealth."
    ),
    "hero_heading": "Steady, compassionate care for anxiety and trauma",
    "hero_intro": (
        "Meet with one of our therapists in our Birmingham office or by secure video. "
        "We go at a pace that feels right for you, and we will help you find the right fit."
    ),
    "hero_image": ImageRef("green-hills-dawn"),
    "featured_services": [
        {"service": PageRef(slug)}
        for slug in (
            "cognitive-behavioral-therapy",
            "internal-family-systems",
            "mindfulness-based-therapy",
            "emdr-therapy",
        )
    ],
    "featured_therapists": [
        {"therapist": PageRef(slug)}
        for slug in ("elena-marquez", "priya-raman", "nathaniel-brooks")
    ],
}

INDEX_PAGES = {
    "articles": {
        "title": "Articles",
        "summary": (
            "Plain-language articles on anxiety, trauma, parenting and relationships, written "
            "and clinically reviewed by our therapists."
        ),
        "intro": paragraphs(
            "Short, practical reads for hard moments and quieter ones. Every article is "
            "written by one of our clinicians and reviewed by another. They are not a "
            "substitute for care: if something here resonates, we are glad to talk."
        ),
    },
    "services": {
        "title": "Services",
        "summary": (
            "The therapies we offer for anxiety, trauma, mood, parenting and relationships, "
            "for children, teens, adults and couples."
        ),
        "intro": paragraphs(
            "Each of our clinicians is trained in several approaches, and most people benefit "
            "from a blend. You do not need to know which therapy you want: tell us what is "
            "going on and we will suggest a good starting point."
        ),
    },
    "therapists": {
        "title": "Our therapists",
        "summary": (
            "Meet our counselors, social workers and psychologists, and filter by concern, "
            "insurance, telehealth and availability."
        ),
        "intro": paragraphs(
            "The relationship with your therapist matters more than any single technique. "
            "Browse our team, read how each of us works, and filter to find someone who "
            "treats your concern and takes your insurance. <i>The profiles on this demo "
            "site are samples: the people are fictional.</i>"
        ),
    },
}

STANDARD_PAGES = {
    "about-us": {
        "title": "About us",
        "summary": (
            "Who we are, how we work and what you can expect when you reach out to "
            "Riverbend Counseling Collective."
        ),
        "body": [
            callout(
                "Riverbend Counseling Collective is a fictional practice. Its people, address "
                "and phone number are invented to demonstrate this website.",
                title="A demonstration site",
            ),
            paragraph(
                "Riverbend Counseling Collective is a group practice in Birmingham, Alabama. "
                "Our licensed counselors, social workers, marriage and family therapists and "
                "psychologists work with children, teens, adults and couples, with a focus on "
                "anxiety, trauma and the stress of big life changes."
            ),
            h2("How we work"),
            paragraph(
                "We start by listening. In the first sessions your therapist will ask about "
                "what brings you in, what you have already tried and what you would like to "
                "be different. Together you agree on goals and on an approach, and you revisit "
                "both as you go."
            ),
            bullets(
                "<b>Evidence-based:</b> we use approaches with good research behind them, "
                f"such as {page_link('cognitive-behavioral-therapy', 'CBT')} and "
                f"{page_link('emdr-therapy', 'EMDR')}.",
                "<b>Trauma-informed:</b> you set the pace, and you never have to share more "
                "than you are ready to.",
                "<b>Collaborative:</b> you are the expert on your life; we bring tools and a "
                "steady outside view.",
                lead_in="Three commitments guide our work:",
            ),
            pull_quote(
                "Feeling better rarely happens all at once. It happens in small, steady steps, "
                "and it is easier with someone beside you."
            ),
            h2("Where to find us"),
            paragraph(
                "Our office is at 2100 Example Avenue South, Suite 300, in Birmingham, with "
                "free parking and step-free access. Most of our therapists also offer secure "
                "video sessions for clients anywhere in Alabama."
            ),
            call_to_action(
                "Ready to take the first step?",
                "Tell us a little about what you are looking for and we will match you with "
                "a therapist who fits.",
            ),
        ],
    },
    "fees-and-insurance": {
        "title": "Fees and insurance",
        "summary": (
            "Our session fees, the insurance plans we accept, sliding-scale spots and how "
            "billing works."
        ),
        "body": [
            paragraph(
                "We want cost to be clear before you start. If anything here is unclear, call "
                "us (the number is at the top and foot of every page) and we will walk you "
                "through it."
            ),
            h2("Insurance we accept"),
            bullets(
                *INSURANCE_PROVIDERS,
                lead_in="Many of our therapists are in network with:",
            ),
            paragraph(
                "Coverage depends on your plan and on the therapist, so each profile lists the "
                "insurers that clinician accepts. We check your benefits before the first "
                "session and tell you what you can expect to pay."
            ),
            h2("Self-pay fees"),
            paragraph(
                "A standard 50-minute session costs between $120 and $180, depending on the "
                "clinician. A first assessment session may cost a little more. Each profile "
                "shows that therapist's fee."
            ),
            h3("Sliding scale"),
            paragraph(
                "Several therapists keep a few reduced-fee spots for clients with limited "
                "income. Ask about them when you call; we will not ask for documents."
            ),
            h3("Good Faith Estimate"),
            paragraph(
                "If you are uninsured or choose not to use insurance, you have the right to "
                "receive a Good Faith Estimate of the expected cost of your care before you "
                "start."
            ),
            h2("Cancellations"),
            paragraph(
                "Please give at least 24 hours' notice if you need to cancel, so that we can "
                "offer the time to someone else. We understand that emergencies happen."
            ),
            faq(
                (
                    "Can I use out-of-network benefits?",
                    "Yes. We can give you a monthly statement (sometimes called a superbill) "
                    "to send to your insurer for reimbursement.",
                ),
                (
                    "Do you accept HSA or FSA cards?",
                    "Yes, health savings and flexible spending cards are accepted for therapy.",
                ),
            ),
        ],
    },
    "privacy-notice": {
        "title": "Privacy notice",
        "summary": (
            "What information this website collects, what it does not, and how to keep your "
            "health details private when you contact us."
        ),
        "body": [
            callout(
                "This is a sample notice for a demonstration site. A real practice's notice "
                "must be written with its own privacy and legal advisers.",
                title="Sample content",
            ),
            paragraph(
                f"{PRACTICE_NAME} keeps the information this website collects to a minimum. "
                "This notice explains what that means in practice."
            ),
            h2("What we collect"),
            bullets(
                "Standard server logs (address, browser and pages requested), kept for up to "
                "30 days to keep the site secure.",
                "What you choose to tell us when you call or write to us, used only to reply.",
                "What you send with the appointment request form, read only by our intake "
                "team, stored encrypted and deleted after 90 days.",
                lead_in="When you visit this website we collect:",
            ),
            h2("What we do not do"),
            bullets(
                "No analytics, advertising or social-media tracking pixels.",
                "No third-party cookies. The site sets a cookie only if you sign in to edit it.",
                "We never sell or share visitors' information.",
                lead_in="Pages about conditions and booking can reveal health information, so:",
            ),
            h2("Email and messages"),
            paragraph(
                "Ordinary email is not a secure way to share health information. Please do not "
                "send clinical details by email; we will never ask you to. Once you become a "
                "client, your therapist will explain how records are kept and protected."
            ),
            h2("Your choices"),
            paragraph(
                "You can ask what we hold about you, or ask us to delete it, by calling us "
                "(our details are at the foot of every page). Clinical records are governed "
                "by separate rules that your "
                "therapist will explain."
            ),
        ],
    },
    "crisis-resources": {
        "title": "Crisis resources: help right now",
        "summary": (
            "If you are thinking about suicide or self-harm, or you are in danger, help is "
            "available now: call or text 988, chat with the 988 Lifeline, or call 911."
        ),
        "body": [
            paragraph(
                "If you are having thoughts of ending your life or hurting yourself, you do not "
                "have to wait for an appointment. Trained counselors answer the 988 Suicide "
                "&amp; Crisis Lifeline every hour of every day. Call or text "
                '<a href="tel:988">988</a>, or chat at '
                '<a href="https://988lifeline.org/chat/">988lifeline.org</a>.'
            ),
            paragraph(
                'If you or someone near you is in immediate danger, call <a href="tel:911">911</a> '
                "or go to the nearest emergency room."
            ),
            h2("While you wait for help"),
            bullets(
                "Move away from anything you could use to hurt yourself.",
                "Tell someone nearby how you feel, or stay on the line with the Lifeline.",
                "Slow your breathing: in for four counts, out for six.",
                lead_in="A few steps can make the next minutes safer:",
            ),
            h2("Reaching us"),
            paragraph(
                "For support that is not urgent, call us during office hours (our number is at the top of every page). "
                "This website and our voicemail are not monitored around the clock."
            ),
        ],
    },
    "accessibility": {
        "title": "Accessibility statement",
        "summary": (
            "Our commitment to a website everyone can use, what we have done so far and how "
            "to tell us about a barrier."
        ),
        "body": [
            paragraph(
                "We want everyone who looks for help to be able to find it. We aim for this "
                "website to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
                "level AA."
            ),
            h2("What we do"),
            bullets(
                "Every page works with a keyboard and a screen reader.",
                "Text can be enlarged to 200% without losing content.",
                "Images have text descriptions.",
                "Crisis resources appear in the same place on every page and work without "
                "JavaScript.",
                "Colors meet contrast guidelines, and motion is kept to a minimum.",
                lead_in="On this site:",
            ),
            h2("Known limitations"),
            paragraph(
                "Some older documents may not be fully accessible. If you need information in "
                "another format, we will provide it."
            ),
            h2("Tell us about a barrier"),
            paragraph(
                "If something on this site does not work for you, please call or email us "
                "(our details are at the foot of every page). We aim to reply within two "
                "business days."
            ),
        ],
    },
}


# The request form: its fields are fixed in code; these are the words around them.
APPOINTMENT_REQUEST_PAGE = {
    "title": "Request an appointment",
    "summary": (
        "Ask for a first appointment, by telehealth video or in person, any time. Our intake "
        "team replies within one business day, by phone, text or email as you prefer."
    ),
    "intro": (
        "<p>Reaching out can be the hardest part. You do not need the right words or to know "
        "which kind of therapy you want: a few details are enough for our intake coordinator "
        "to get back to you. Sessions are online by telehealth video or in person at our office. "
        "If you would rather talk, call us: the number is at the top of every page.</p>"
    ),
}
