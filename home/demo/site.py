"""The demo practice: contact details, settings, artwork, shared lists and the plain pages."""

from decimal import Decimal

from .images import Landscape, Logo
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

# The site Wagtail serves the demo from (make run serves 127.0.0.1:8000).
SITE = {"hostname": "127.0.0.1", "port": 8000, "site_name": PRACTICE_NAME}


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
    "blue-lake": Landscape(
        title="Blue hills above a still lake",
        alt_text=_sky("blue-grey hills above a still lake"),
        sky=("#c9d8ea", "#eef2f6"),
        hills=("#9fb5c9", "#7d98b0"),
        water="#8fb3c8",
        variant=2,
    ),
    "lavender-dusk": Landscape(
        title="Lavender hills at dusk",
        alt_text=_sky("lavender hills at dusk with a low, pale sun"),
        sky=("#cdb8d9", "#f3e6ef"),
        hills=("#b4a3c8", "#8e7fa8", "#6b5f86"),
        sun="#f6d3c4",
        variant=1,
    ),
    "teal-mist": Landscape(
        title="Misty teal hills in the morning",
        alt_text=_sky("misty teal hills in soft morning light"),
        sky=("#d4e6e4", "#f4f8f6"),
        hills=("#a8cbc5", "#7fb0a8", "#5a8f87"),
        variant=3,
    ),
    "sunrise-lake": Landscape(
        title="Sunrise over a calm lake",
        alt_text=_sky("the sun rising over a calm lake between low hills"),
        sky=("#f7d9c4", "#fdf1e6"),
        hills=("#c6b7a6", "#a3927f"),
        sun="#fbc98e",
        water="#a9c4cf",
        variant=4,
    ),
    "sand-dunes": Landscape(
        title="Sandy dunes in afternoon light",
        alt_text=_sky("sandy dunes in warm afternoon light"),
        sky=("#f3e3c3", "#fbf5e8"),
        hills=("#e5c99c", "#d4ad78", "#b98f5f"),
        sun="#fff1c9",
        variant=5,
    ),
    "rose-hills": Landscape(
        title="Rose-colored hills at first light",
        alt_text=_sky("rose-colored hills at first light"),
        sky=("#f6d2d2", "#fdf0ec"),
        hills=("#e6b8b3", "#c9948f", "#a8766f"),
        sun="#fde2c3",
        variant=6,
    ),
    "evening-hills": Landscape(
        title="Two hills beneath an evening sky",
        alt_text=_sky("two overlapping hills beneath a blue and pink evening sky"),
        sky=("#c3cde6", "#f1e4ea"),
        hills=("#a7b1d1", "#8792b8"),
        sun="#f7d1b5",
        variant=7,
    ),
    "spring-meadow": Landscape(
        title="Green meadow on a clear morning",
        alt_text=_sky("a bright green meadow under a clear morning sky"),
        sky=("#bfe0f2", "#eef8fb"),
        hills=("#bfe0a6", "#97c987", "#72ad6c"),
        sun="#fff0a8",
        variant=8,
    ),
    "peach-hills": Landscape(
        title="Gentle hills under a peach sky",
        alt_text=_sky("gentle sage and olive hills under a peach sky"),
        sky=("#f8d5bd", "#fef4ea"),
        hills=("#cfd6b4", "#a9b58c", "#87956c"),
        sun="#fce3b8",
        variant=9,
    ),
    "slate-mountains": Landscape(
        title="Slate-blue ridges under a pale sky",
        alt_text=_sky("layered slate-blue ridges under a pale morning sky"),
        sky=("#dfe6ee", "#f7f9fb"),
        hills=("#b9c6d6", "#95a7bd", "#72879f"),
        variant=10,
    ),
    "forest-lake": Landscape(
        title="Forest-green hills beside a quiet lake",
        alt_text=_sky("forest-green hills beside a quiet lake"),
        sky=("#dcebe1", "#f5faf6"),
        hills=("#8fb59a", "#6a957a"),
        water="#9cc0b4",
        variant=11,
    ),
    "night-moon": Landscape(
        title="Indigo hills under a night sky",
        alt_text=_sky("indigo hills under a night sky with a pale moon"),
        sky=("#2f3b5c", "#6b7aa1"),
        hills=("#4a5a82", "#35426a", "#252f4f"),
        sun="#f3ecd2",
        variant=12,
    ),
    "golden-sunset": Landscape(
        title="Golden hills at sunset",
        alt_text=_sky("golden hills at sunset under an amber sky"),
        sky=("#f2b98f", "#fbe6c8"),
        hills=("#e2bf86", "#c99b62", "#a77a4a"),
        sun="#ffe3a3",
        variant=13,
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
