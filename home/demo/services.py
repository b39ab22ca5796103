"""The demo practice's services. Every page follows the same outline (who it helps, what to
expect, the approach, questions), built by `service_body`."""

from .stream import ImageRef, bullets, callout, faq, h2, h3, page_link, paragraph


def service_body(
    *,
    who: str,
    helps_with: list[str],
    expect: list[str],
    approach: list[str],
    questions: list[tuple[str, str]],
    extra: tuple[dict, ...] = (),
) -> list[dict]:
    return [
        h2("Who it helps"),
        paragraph(who),
        bullets(*helps_with, lead_in="It is often helpful for:"),
        h2("What to expect"),
        paragraph(*expect),
        h2("Our approach"),
        paragraph(*approach),
        *extra,
        h2("Questions people ask"),
        faq(*questions),
    ]


SERVICES = {
    "cognitive-behavioral-therapy": {
        "title": "Cognitive behavioral therapy",
        "short_name": "CBT",
        "image": ImageRef("service-cbt"),
        "summary": (
            "A practical, structured therapy that helps you notice the thoughts and habits "
            "that keep anxiety or low mood going, and try out new ones."
        ),
        "call_to_action": "Ready to try CBT? We can match you with a therapist this week.",
        "body": service_body(
            who=(
                "CBT suits people who like a clear plan and want skills they can use between "
                "sessions. It is one of the most studied therapies for anxiety and depression."
            ),
            helps_with=[
                "Generalized anxiety and constant worry",
                "Panic attacks and fear of panic",
                "Depression and low motivation",
                "Insomnia and racing thoughts at night",
                "Obsessive-compulsive disorder (with exposure and response prevention)",
            ],
            expect=[
                "Sessions are collaborative and focused. You and your therapist set an agenda, "
                "look at a recent hard moment in detail, and agree on a small experiment to "
                "try during the week.",
                "Many people notice a change within 8 to 16 weekly sessions, though the pace "
                "is always yours.",
            ],
            approach=[
                "We look at how situations, thoughts, feelings and actions feed each other. "
                "Rather than arguing with every worry, you learn to spot common thinking "
                "traps, test predictions against what actually happens, and gradually face "
                "what you have been avoiding.",
            ],
            questions=[
                (
                    "Is there homework?",
                    "Usually something small, like noting a worry and what happened next. "
                    "Practice between sessions is where much of the change happens.",
                ),
                (
                    "Does CBT work by telehealth?",
                    "Yes. CBT adapts well to video sessions, and worksheets can be shared on "
                    "screen.",
                ),
            ],
        ),
    },
    "internal-family-systems": {
        "title": "Internal Family Systems",
        "short_name": "IFS",
        "image": ImageRef("service-ifs"),
        "summary": (
            "A gentle, curious approach that helps you understand the parts of yourself, "
            "such as the inner critic or the worrier, and relate to them with compassion."
        ),
        "call_to_action": "Curious about IFS? Talk with one of our IFS-trained therapists.",
        "body": service_body(
            who=(
                "IFS can help when you feel pulled in different directions, or when one part "
                "of you knows what you want while another part keeps getting in the way."
            ),
            helps_with=[
                "Harsh self-criticism and perfectionism",
                "Anxiety and people-pleasing",
                "The effects of difficult childhood experiences",
                "Guilt and shame, including parenting guilt",
            ],
            expect=[
                "Your therapist will invite you to notice a part, such as the voice that says "
                "you are not doing enough, and get curious about it: what it is trying to do "
                "for you, and what it fears would happen if it stopped.",
                "Sessions are slow and respectful. Nothing is forced, and protective parts are "
                "treated as allies rather than problems.",
            ],
            approach=[
                "IFS holds that everyone has a calm, compassionate core Self beneath their "
                "parts. As parts feel understood, they often soften, and old burdens can be "
                "set down.",
            ],
            questions=[
                (
                    "Do I have to talk to my parts out loud?",
                    "No. Many people simply notice thoughts, feelings or sensations and "
                    "describe them. Your therapist will follow your comfort.",
                ),
                (
                    "Can IFS be combined with other therapies?",
                    f"Yes. Our therapists often blend IFS with "
                    f"{page_link('mindfulness-based-therapy', 'mindfulness')} or "
                    f"{page_link('emdr-therapy', 'EMDR')}.",
                ),
            ],
        ),
    },
    "mindfulness-based-therapy": {
        "title": "Mindfulness-based therapy",
        "short_name": "Mindfulness",
        "image": ImageRef("service-mindfulness"),
        "summary": (
            "Learn to meet thoughts and feelings with steadier attention and less judgment, "
            "so that stress and worry have less hold on you."
        ),
        "call_to_action": "Want a calmer relationship with your mind? Let's start together.",
        "body": service_body(
            who=(
                "Mindfulness-based therapy helps people who feel caught up in worry, stress or "
                "self-criticism, and those who want to prevent depression from returning."
            ),
            helps_with=[
                "Stress and burnout",
                "Worry and rumination",
                "Recurring depression",
                "Chronic pain and health anxiety",
            ],
            expect=[
                "Sessions mix conversation with short guided practices: noticing the breath, "
                "the body or sounds, and gently returning when the mind wanders. You will be "
                "invited to try brief practices at home.",
            ],
            approach=[
                "We draw on mindfulness-based cognitive therapy and acceptance and commitment "
                "therapy. The aim is not to empty the mind, but to notice what is happening "
                "with kindness, and then choose what to do next.",
            ],
            extra=(
                callout(
                    "Mindfulness practices are adapted for people with trauma histories: eyes "
                    "can stay open, and you can stop at any time.",
                    title="Trauma-sensitive",
                    tone="tip",
                ),
            ),
            questions=[
                (
                    "I can't sit still. Will this work for me?",
                    "Yes. Practices can be done walking, standing or in a minute or two. "
                    "Restlessness is something we work with, not a failure.",
                ),
                (
                    "Is this religious?",
                    "No. The practices we teach are secular and grounded in research.",
                ),
            ],
        ),
    },
    "emdr-therapy": {
        "title": "EMDR therapy",
        "short_name": "EMDR",
        "image": ImageRef("service-emdr"),
        "summary": (
            "Eye movement desensitization and reprocessing, a therapy for trauma and PTSD, "
            "helps painful memories lose their sting without talking through every detail."
        ),
        "call_to_action": "Ready to explore EMDR? Our trained clinicians can help.",
        "body": service_body(
            who=(
                "EMDR is a well-researched therapy for trauma. It can help when a memory still "
                "feels as if it is happening now, or when reminders set off strong reactions."
            ),
            helps_with=[
                "Post-traumatic stress after accidents, assaults or loss",
                "Difficult birth experiences",
                "Phobias and anxiety linked to specific events",
                "Distressing memories that keep coming back",
            ],
            expect=[
                "EMDR happens in phases. The first sessions focus on building coping skills "
                "and a sense of safety. Only then do you and your therapist choose a memory to "
                "work on, while you follow side-to-side eye movements or tapping.",
            ],
            approach=[
                "Our EMDR clinicians are trained in the standard protocol and work in a "
                "trauma-informed way: you stay in control, and you can pause at any time.",
            ],
            questions=[
                (
                    "Do I have to describe the trauma in detail?",
                    "No. EMDR does not require a detailed account; a brief description is "
                    "usually enough.",
                ),
                (
                    "Can EMDR be done by telehealth?",
                    "Yes, with on-screen eye movements or self-tapping. Your therapist will "
                    "discuss whether in-person or video suits you better.",
                ),
            ],
        ),
    },
    "dbt-skills": {
        "title": "Dialectical behavior therapy skills",
        "short_name": "DBT",
        "image": ImageRef("service-dbt"),
        "summary": (
            "Concrete skills for riding out intense emotions, getting through crises and "
            "keeping relationships steady."
        ),
        "call_to_action": "Want practical skills for big emotions? Ask about DBT skills.",
        "body": service_body(
            who=(
                "DBT skills help teens and adults whose emotions feel overwhelming or change "
                "quickly, and who want tools for the moments when things feel out of control."
            ),
            helps_with=[
                "Intense or fast-changing emotions",
                "Urges to act in ways you later regret",
                "Conflict in close relationships",
                "Self-harm (alongside individual therapy and a safety plan)",
            ],
            expect=[
                "Skills are taught in individual sessions, with practice sheets to use during "
                "the week.",
            ],
            approach=[
                "DBT balances acceptance and change. We teach four groups of skills and help "
                "you use them in your real life.",
            ],
            extra=(
                h3("The four skill areas"),
                bullets(
                    "<b>Mindfulness:</b> noticing what is happening right now.",
                    "<b>Distress tolerance:</b> getting through a crisis without making it worse.",
                    "<b>Emotion regulation:</b> understanding and shifting emotions.",
                    "<b>Interpersonal effectiveness:</b> asking for what you need and keeping "
                    "self-respect.",
                ),
            ),
            questions=[
                (
                    "Is this full DBT?",
                    "We offer DBT-informed individual therapy and skills coaching, not a full "
                    "DBT program with a team and phone coaching. If you need a full program, "
                    "we will help you find one.",
                ),
            ],
        ),
    },
    "perinatal-and-postpartum-therapy": {
        "title": "Perinatal and postpartum therapy",
        "short_name": "Perinatal",
        "image": ImageRef("service-perinatal"),
        "summary": (
            "Support for women and parents through pregnancy, birth, loss and the first years "
            "of parenthood, including postpartum depression and anxiety."
        ),
        "call_to_action": "You don't have to do this alone. Reach out to our perinatal team.",
        "body": service_body(
            who=(
                "Becoming a parent changes everything, and it can bring up feelings no one "
                "warned you about. We work with women, birthing people and partners at every "
                "stage, and with women's health concerns beyond parenthood."
            ),
            helps_with=[
                "Postpartum depression and anxiety",
                "Intrusive thoughts after birth",
                "Difficult or traumatic births",
                "Pregnancy loss, infertility and fertility treatment",
                "Mom guilt, identity changes and the return to work",
            ],
            expect=[
                "Sessions can be by video from home, and babies are welcome in the room. We "
                "work with your doctor or midwife when that helps.",
            ],
            approach=[
                f"We draw on {page_link('cognitive-behavioral-therapy', 'CBT')}, "
                f"{page_link('internal-family-systems', 'IFS')} and "
                f"{page_link('emdr-therapy', 'EMDR')}, adapted for the realities of pregnancy "
                "and new parenthood: flexible times, short practices and plenty of compassion.",
            ],
            extra=(
                callout(
                    "If you have thoughts of harming yourself or your baby, call or text "
                    '<a href="tel:988">988</a> now, or call <a href="tel:911">911</a> in an '
                    "emergency. These thoughts are a sign you need support, and help works.",
                    title="If you are struggling right now",
                    tone="support",
                ),
            ),
            questions=[
                (
                    "Is it normal to feel this way after having a baby?",
                    "Many new parents struggle, and mood and anxiety problems are among the most "
                    "common complications of pregnancy and birth. They are treatable.",
                ),
                (
                    "Do you work with partners and dads?",
                    "Yes. Partners can have perinatal depression and anxiety too.",
                ),
            ],
        ),
    },
    "couples-therapy": {
        "title": "Couples therapy",
        "short_name": "Couples",
        "image": ImageRef("service-couples"),
        "summary": (
            "Help for couples who feel stuck in the same arguments, distant from each other, "
            "or facing a hard decision together."
        ),
        "call_to_action": "Ready to feel like a team again? Book a couples consultation.",
        "body": service_body(
            who=(
                "Couples come to us at every stage: dating, married, co-parenting or deciding "
                "whether to stay together. You do not need to be in crisis to benefit."
            ),
            helps_with=[
                "Frequent conflict or the same fight on repeat",
                "Feeling disconnected or like roommates",
                "Rebuilding trust after a betrayal",
                "Adjusting to a new baby, a move or retirement",
            ],
            expect=[
                "The first session is usually together, followed by a short individual session "
                "with each partner. Then you and your therapist agree on goals as a couple.",
            ],
            approach=[
                "We draw on emotionally focused therapy and the Gottman method to help you "
                "understand the cycle you get caught in, and practice new ways to talk, "
                "listen and repair.",
            ],
            questions=[
                (
                    "What if my partner doesn't want to come?",
                    "You can start on your own. Individual therapy can still change how a "
                    "relationship feels.",
                ),
                (
                    "Is couples therapy covered by insurance?",
                    "Sometimes. Some plans cover it when it is part of treating one partner's "
                    "diagnosed condition. We will check your benefits with you.",
                ),
            ],
        ),
    },
    "child-and-teen-therapy": {
        "title": "Child and teen therapy",
        "short_name": "Kids and teens",
        "image": ImageRef("service-children"),
        "summary": (
            "Therapy for children aged 6 to 12 and teens aged 13 to 17, with parents as "
            "partners, for worry, big feelings, school stress and more."
        ),
        "call_to_action": "Worried about your child? Let's talk about what might help.",
        "body": service_body(
            who=(
                "We see children and teens who are struggling with worry, mood, behavior or "
                "a hard change at home or school, and we support their parents too."
            ),
            helps_with=[
                "Anxiety, school refusal and social worries",
                "Big feelings and meltdowns",
                "Low mood and withdrawal in teens",
                "Adjusting to divorce, a move or a loss",
            ],
            expect=[
                "We begin with a parent session to hear your concerns, then meet your child. "
                "With younger children we use play, drawing and games; with teens, "
                "conversation at their pace.",
                "Parents are involved regularly, and teens' privacy is respected within the "
                "limits of safety.",
            ],
            approach=[
                f"We use child-friendly {page_link('cognitive-behavioral-therapy', 'CBT')}, "
                f"{page_link('dbt-skills', 'DBT skills')} for teens, and parent coaching, so "
                "that new skills carry over into home life.",
            ],
            questions=[
                (
                    "How do I explain therapy to my child?",
                    "Keep it simple: a therapist is someone who helps kids with feelings and "
                    "worries, and lots of kids see one.",
                ),
                (
                    "Will you tell me what my teen says?",
                    "We share themes and anything about safety, but not every detail. Teens "
                    "open up more when they trust their sessions are private.",
                ),
            ],
        ),
    },
}
