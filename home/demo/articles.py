"""Self-help articles for the demo site, in plain language. Each is written by one sample
clinician and reviewed by another."""

from .stream import (
    ImageRef,
    PageRef,
    bullets,
    call_to_action,
    callout,
    days_ago,
    faq,
    figure,
    h2,
    h3,
    page_link,
    paragraph,
    pull_quote,
    service_card,
    strategies,
)


def _review_dates(published: int, reviewed: int) -> dict:
    """Publication and review dates, as days before today; reviews fall due after a year."""
    return {
        "first_published": days_ago(published),
        "last_reviewed": days_ago(reviewed),
        "next_review_due": days_ago(reviewed - 365),
    }


def _refs(*slugs: str) -> list[PageRef]:
    return [PageRef(slug) for slug in slugs]


ARTICLES = {
    "when-mom-guilt-wont-let-up": {
        "title": "When mom guilt won't let up",
        "summary": (
            "Why so many mothers feel they are falling short, and five gentle ways to loosen "
            "guilt's grip."
        ),
        "hero_image": ImageRef("topic-parenting"),
        "author": PageRef("elena-marquez"),
        "clinical_reviewer": PageRef("nathaniel-brooks"),
        **_review_dates(published=120, reviewed=20),
        "topics": ["Parenting", "Women's issues"],
        "related_services": _refs(
            "cognitive-behavioral-therapy",
            "internal-family-systems",
            "mindfulness-based-therapy",
            "perinatal-and-postpartum-therapy",
        ),
        "body": [
            paragraph(
                "Raising a child can fill your days with meaning and still leave you lying "
                "awake, replaying the moment you snapped at breakfast or missed a school "
                "event. If a steady hum of <i>I should be doing better</i> follows you around, "
                "you are far from alone, and it is possible to turn the volume down."
            ),
            h2("What is mom guilt?"),
            paragraph(
                "Mom guilt is the persistent sense that you are letting your children down, "
                "even when an outside observer would see a caring, committed parent. It is "
                "less a response to something you did wrong than a running verdict on who "
                "you are as a mother."
            ),
            bullets(
                "Feeling you never give your children enough of your attention",
                "Being pulled between your job and your family, and feeling bad in both places",
                "Measuring yourself against other parents online",
                "Apologizing, even silently, for wanting rest, time alone or help",
                lead_in="Common ways it shows up include:",
            ),
            paragraph(
                "Much of it grows from the expectation that a good mother is endlessly "
                "available and never tired. Carried for long enough, that standard can wear "
                "down your mood, your sleep and your patience."
            ),
            h2("Ways to ease mom guilt"),
            strategies(
                (
                    "Check the standard you are holding",
                    "Ask whose rule this is and whether any parent could meet it. Children "
                    "do not need a flawless parent; watching you make mistakes and repair "
                    "them teaches them how to do the same.",
                ),
                (
                    "Trace where the guilt comes from",
                    "When guilt flares, pause and ask what set it off: a comment, a "
                    "photo, an old family script? Naming the trigger turns a vague verdict "
                    "into something you can look at.",
                ),
                (
                    "Talk to yourself like a friend",
                    "Notice your inner voice after a hard day. Would you speak that way to a "
                    "friend who was trying her best? Try offering yourself the same kindness.",
                ),
                (
                    "Choose connection over perfection",
                    "A few minutes of full attention, a shared joke, a story at bedtime: "
                    "these are what children carry with them. Let the rest be good enough.",
                ),
                (
                    "Treat your own needs as part of the plan",
                    "Sleep, movement, friendship and therapy are not rewards for finishing "
                    "everything else. Looking after yourself is part of looking after them.",
                ),
            ),
            h2("How therapy can help"),
            paragraph(
                "A therapist can help you understand where your guilt comes from and build a "
                "kinder, more realistic way of seeing yourself as a parent."
            ),
            bullets(
                page_link("cognitive-behavioral-therapy", "Cognitive behavioral therapy (CBT)")
                + " helps you catch and question all-or-nothing thoughts about parenting.",
                page_link("internal-family-systems", "Internal Family Systems (IFS)")
                + " gets to know the critical part of you and what it is trying to protect.",
                page_link("mindfulness-based-therapy", "Mindfulness-based therapy")
                + " helps you notice guilt without being swept away by it.",
                lead_in="Approaches our therapists use include:",
            ),
            paragraph(
                "If guilt has arrived alongside a new baby, our "
                + page_link("perinatal-and-postpartum-therapy", "perinatal therapists")
                + " specialize in the early years of parenthood."
            ),
            call_to_action(
                "You deserve support too",
                "Our therapists work with mothers every week, in person and by telehealth. "
                "Reach out and we will help you find the right fit.",
            ),
        ],
    },
    "what-to-do-during-a-panic-attack": {
        "title": "What to do during a panic attack",
        "summary": (
            "A panic attack feels dangerous but passes. Here is what is happening in your body "
            "and how to ride the wave."
        ),
        "hero_image": ImageRef("topic-anxiety"),
        "author": PageRef("nathaniel-brooks"),
        "clinical_reviewer": PageRef("hannah-cole"),
        **_review_dates(published=90, reviewed=45),
        "topics": ["Anxiety"],
        "related_services": _refs("cognitive-behavioral-therapy", "mindfulness-based-therapy"),
        "body": [
            paragraph(
                "A racing heart, tight chest, shaky hands and the certainty that something "
                "terrible is about to happen: panic attacks are frightening, and many people "
                "end up in an emergency room the first time. The good news is that panic is "
                "very treatable."
            ),
            h2("What is happening in your body"),
            paragraph(
                "Panic is your body's alarm system firing when there is no danger. Adrenaline "
                "speeds up your heart and breathing to prepare you to act. The sensations are "
                "intense, but they are not harmful, and they peak within about ten minutes."
            ),
            callout(
                "If you have never had your symptoms checked, see a doctor to rule out "
                "physical causes. Chest pain with no history of panic needs urgent medical "
                'attention: call <a href="tel:911">911</a>.',
                title="Check with a doctor first",
                tone="note",
            ),
            h2("Riding the wave"),
            strategies(
                (
                    "Name it",
                    "Tell yourself: “This is panic. It is uncomfortable, and it will pass.” "
                    "Labeling the experience takes away some of its power.",
                ),
                (
                    "Slow your out-breath",
                    "Breathe in gently through your nose for a count of four and out through "
                    "your mouth for a count of six. A longer exhale signals safety.",
                ),
                (
                    "Let the sensations be there",
                    "Fighting panic tends to feed it. Imagine the feelings as a wave rising and "
                    "falling, and let it move through.",
                ),
                (
                    "Stay where you are if you can",
                    "Leaving teaches your brain that the place was dangerous. Staying, even "
                    "for a few minutes, teaches it otherwise.",
                ),
            ),
            pull_quote(
                "Panic is a false alarm. The aim is not to make it stop at once, but to stop "
                "being afraid of it.",
                attribution="Nathaniel Brooks, PhD (sample clinician)",
            ),
            h2("When to get help"),
            paragraph(
                "If panic attacks keep coming back, or you have started avoiding places "
                "because of them, therapy can help. Cognitive behavioral therapy is the most "
                "studied treatment for panic and often works within a few months."
            ),
            service_card("cognitive-behavioral-therapy"),
            faq(
                (
                    "Can a panic attack hurt me?",
                    "No. It feels awful, but the sensations of panic are not dangerous in "
                    "themselves.",
                ),
                (
                    "Why do panic attacks come out of nowhere?",
                    "They often follow a build-up of stress, or begin with a small body "
                    "sensation that the mind reads as a threat.",
                ),
            ),
        ],
    },
    "grounding-techniques-for-trauma-reminders": {
        "title": "Grounding techniques for trauma reminders",
        "summary": (
            "When a reminder pulls you back into the past, grounding can help you return to "
            "the present. Five techniques to try."
        ),
        "hero_image": ImageRef("topic-trauma"),
        "author": PageRef("nathaniel-brooks"),
        "clinical_reviewer": PageRef("priya-raman"),
        **_review_dates(published=200, reviewed=60),
        "topics": ["Trauma", "Self-care"],
        "related_services": _refs("emdr-therapy", "dbt-skills"),
        "body": [
            callout(
                'If you are in crisis, call or text <a href="tel:988">988</a> to reach the 988 '
                'Suicide &amp; Crisis Lifeline, or call <a href="tel:911">911</a> if you are in '
                "immediate danger.",
                title="Need help now?",
                tone="support",
            ),
            paragraph(
                "After a frightening experience, a sound, a smell or a date on the calendar "
                "can bring the feelings rushing back as if they were happening now. Grounding "
                "is a set of simple ways to remind your body and mind that you are here, today, "
                "and safe enough."
            ),
            h2("Why grounding helps"),
            paragraph(
                "Trauma reminders switch on the brain's threat system. Grounding works by "
                "drawing attention to the present through your senses, which helps the "
                "thinking brain come back online."
            ),
            figure(
                "green-hills-dawn",
                caption="Picturing a calm place can be part of grounding, once you feel steady.",
            ),
            h2("Five techniques to try"),
            strategies(
                (
                    "5-4-3-2-1",
                    "Name five things you can see, four you can touch, three you can hear, two "
                    "you can smell and one you can taste.",
                ),
                (
                    "Feet on the floor",
                    "Press your feet into the ground and notice the pressure, the temperature "
                    "and the texture of what is beneath you.",
                ),
                (
                    "Hold something cold",
                    "An ice cube or a cold drink gives your senses something strong and present "
                    "to focus on.",
                ),
                (
                    "Orient to the room",
                    "Look around slowly and say out loud where you are, today's date and one "
                    "thing you will do later today.",
                ),
                (
                    "Soothe with rhythm",
                    "Tap your knees left and right, rock gently, or hum. Rhythm calms the "
                    "nervous system.",
                ),
            ),
            h3("Make a grounding plan"),
            paragraph(
                "Choose two or three techniques that work for you and practice them when you "
                "feel calm, so they come more easily in a hard moment."
            ),
            h2("When to reach out"),
            paragraph(
                "Grounding is a way to get through a hard moment; it does not resolve what "
                "happened. If reminders are affecting your sleep, work or relationships, "
                "trauma-focused therapy can help the memories lose their charge."
            ),
            service_card(
                "emdr-therapy", "EMDR helps distressing memories feel like the past again."
            ),
        ],
    },
    "quieting-a-worried-mind-at-bedtime": {
        "title": "Quieting a worried mind at bedtime",
        "summary": (
            "Why worries get louder at night, and practical ways to help your mind settle so "
            "that sleep can come."
        ),
        "hero_image": ImageRef("topic-sleep"),
        "author": PageRef("samuel-adeyemi"),
        "clinical_reviewer": PageRef("nathaniel-brooks"),
        **_review_dates(published=45, reviewed=45),
        "topics": ["Anxiety", "Self-care"],
        "related_services": _refs("cognitive-behavioral-therapy", "mindfulness-based-therapy"),
        "body": [
            paragraph(
                "The house is quiet, the lights are off, and your mind starts listing "
                "everything that could go wrong tomorrow. Night-time worry is one of the most "
                "common reasons people cannot fall asleep."
            ),
            h2("Why worry gets louder at night"),
            bullets(
                "There are no distractions left to crowd it out.",
                "Tiredness makes problems feel bigger and harder to solve.",
                "Lying awake becomes a worry of its own.",
                lead_in="A few things make bedtime a perfect stage for worry:",
            ),
            h2("Ways to help your mind settle"),
            strategies(
                (
                    "Schedule worry time earlier",
                    "Spend 15 minutes in the early evening writing worries down, with one next "
                    "step for each. At night, remind yourself they have a time and place.",
                ),
                (
                    "Build a wind-down hour",
                    "Dim the lights, put screens away and do something calm and repetitive.",
                ),
                (
                    "Get up if you can't sleep",
                    "If you have been awake for a while, go to another room and do something "
                    "quiet until you feel sleepy. This keeps bed linked with sleep, not worry.",
                ),
                (
                    "Notice, don't argue",
                    "Treat worries like cars passing outside: you can hear them without "
                    "getting in.",
                ),
            ),
            callout(
                "Keep a notepad by the bed. Writing a worry down can help your mind let go of "
                "it until morning.",
                title="Try this tonight",
                tone="tip",
            ),
            faq(
                (
                    "Should I take sleeping pills?",
                    "Talk to your doctor about medication. For long-term insomnia, a "
                    "structured form of CBT for insomnia is often recommended first.",
                ),
                (
                    "How long before these ideas help?",
                    "Give new habits two to three weeks. Sleep often gets a little worse "
                    "before it gets better.",
                ),
            ),
            call_to_action(
                "Still lying awake?",
                "Our therapists can help you break the cycle of worry and poor sleep.",
            ),
        ],
    },
    "small-repairs-after-an-argument": {
        "title": "Small repairs after an argument",
        "summary": (
            "Every couple argues. What matters most is how you come back together afterwards. "
            "Simple ways to repair."
        ),
        "hero_image": ImageRef("topic-relationships"),
        "author": PageRef("marcus-whitfield"),
        "clinical_reviewer": PageRef("elena-marquez"),
        **_review_dates(published=30, reviewed=30),
        "topics": ["Relationships"],
        "related_services": _refs("couples-therapy"),
        "body": [
            paragraph(
                "Conflict is part of any close relationship. Couples who stay connected are "
                "not the ones who never fight; they are the ones who find their way back."
            ),
            h2("Why repair matters"),
            paragraph(
                "After an argument, both partners are often still on alert. A repair, even a "
                "small one, signals that the relationship is safe again and makes the next "
                "conversation easier."
            ),
            pull_quote(
                "You do not have to agree to reconnect. You only have to show that you are "
                "still on the same side."
            ),
            h2("Ways to repair"),
            strategies(
                (
                    "Take a real break",
                    "If voices are rising, agree to pause for twenty minutes and say when you "
                    "will come back. Then come back.",
                ),
                (
                    "Start with your part",
                    "“I was sharp with you, and I’m sorry” opens a door that “You always…” "
                    "slams shut.",
                ),
                (
                    "Get curious",
                    "Ask what the argument was really about for your partner. Often it is "
                    "about feeling unseen, not about the dishes.",
                ),
                (
                    "Offer a small gesture",
                    "A touch, a cup of tea, a joke you both share: repair does not always need "
                    "words.",
                ),
            ),
            h2("When to get support"),
            paragraph(
                "If the same argument keeps coming back, or repairs no longer seem to land, a "
                "couples therapist can help you both see the pattern and change it."
            ),
            service_card("couples-therapy"),
        ],
    },
}
