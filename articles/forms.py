"""The article editor's form: what must be right before an article goes to review.

Saving a draft accepts work in progress (Wagtail defers validation then); submitting for
review or approving checks the title's length and that no outline placeholder is left.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminPageForm

from .outline import outline_placeholders

TITLE_LIMIT = 120
SEARCH_TITLE_LENGTH = 65

TITLE_HELP = gettext_lazy(
    "The headline readers see. Search results show about the first 65 characters, so put "
    "the words that matter first, or set a shorter search title on the Promote tab. "
    "At most 120 characters."
)


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        title = self.fields["title"]
        # No browser-side cut: a longer title is refused with a message, never truncated.
        title.max_length = None
        title.widget.attrs.pop("maxlength", None)
        title.validators = [v for v in title.validators if not isinstance(v, MaxLengthValidator)]
        title.help_text = TITLE_HELP
        title.widget.attrs["data-search-title-length"] = SEARCH_TITLE_LENGTH

    def clean_title(self):
        title = self.cleaned_data["title"]
        if len(title) > TITLE_LIMIT:
            raise ValidationError(
                _(
                    "This title is %(length)d characters long; the limit is %(limit)d. Search "
                    "results show about the first %(shown)d, so shorten it to its key words."
                )
                % {"length": len(title), "limit": TITLE_LIMIT, "shown": SEARCH_TITLE_LENGTH}
            )
        return title

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if not self.is_deferred_validation and body is not None:
            problems = outline_placeholders(body)
            if problems:
                self.add_error("body", ValidationError(problems))
        return cleaned_data
