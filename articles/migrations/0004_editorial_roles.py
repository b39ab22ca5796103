"""Create the editorial roles and workflows, so that every deployment has them.

- Editors write and edit every page (articles, services, therapist profiles, plain pages),
  images and documents, and submit pages for approval. They never publish.
- Clinical reviewers approve articles or request changes in the "Clinical review" workflow;
  approving publishes the article. They can edit an article only while reviewing it.
- Site managers publish everything except articles (which go live only through clinical
  review; they can still unpublish one), approve other pages in the "Publishing approval"
  workflow, and manage site settings and menus, redirects, search promotions, snippets and
  the safe-messaging list.

Wagtail's own "Moderators" group and "Moderators approval" workflow become "Site managers"
and "Publishing approval". Page permissions are granted on the root of the tree, so they hold
for pages created later; articles indexes get the clinical review workflow when created
(articles.review), and those that already exist get it here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Site managers": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    "Clinical reviewers": [],
}

COLLECTION_PERMISSIONS = {
    "Editors": [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    "Site managers": [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
    # Reviewers may change images or links while they review an article.
    "Clinical reviewers": ["choose_image", "choose_document"],
}

SNIPPETS = ["articles.articletopic", "services.specialty", "services.clientgroup"]


def crud(model_label, actions=("add", "change", "delete", "view")):
    app_label, model = model_label.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


MODEL_PERMISSIONS = {
    "Editors": [
        "wagtailadmin.access_admin",
        *(perm for label in SNIPPETS for perm in crud(label, ("add", "change", "view"))),
        "services.view_insuranceprovider",
        "practice.view_safemessagingrule",
    ],
    "Clinical reviewers": [
        "wagtailadmin.access_admin",
        *crud("practice.safemessagingrule"),
    ],
    "Site managers": [
        "wagtailadmin.access_admin",
        "practice.change_practicesettings",
        "services.link_staff_account",
        *crud("wagtailredirects.redirect"),
        *crud("wagtailsearchpromotions.searchpromotion"),
        *crud("wagtailsearchpromotions.query"),
        *(perm for label in SNIPPETS for perm in crud(label)),
        *crud("services.insuranceprovider"),
        *crud("practice.safemessagingrule"),
    ],
}


def get_permission(Permission, label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ClinicalReviewTask = apps.get_model("articles", "ClinicalReviewTask")
    ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")

    if not Group.objects.filter(name="Site managers").exists():
        Group.objects.filter(name="Moderators").update(name="Site managers")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name, group in groups.items():
        group.permissions.set(
            [get_permission(Permission, label) for label in MODEL_PERMISSIONS[name]]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=get_permission(Permission, f"wagtailcore.{codename}"),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in COLLECTION_PERMISSIONS[name]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=get_permission(Permission, f"{app_label}.{codename}"),
            )

    def make_workflow(name, task_model, task_name, group):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=task_model._meta.app_label, model=task_model._meta.model_name
        )
        task = task_model.objects.filter(name=task_name).first()
        if task is None:
            task = task_model.objects.create(name=task_name, content_type=content_type)
        task.groups.set([group])
        workflow, _ = Workflow.objects.get_or_create(name=name)
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
        )
        return workflow

    # Wagtail's default workflow covers the whole tree; keep it as the site managers' approval.
    Workflow.objects.filter(name="Moderators approval").update(name="Publishing approval")
    GroupApprovalTask.objects.filter(name="Moderators approval").update(
        name="Site manager approval"
    )
    publishing = make_workflow(
        "Publishing approval", GroupApprovalTask, "Site manager approval", groups["Site managers"]
    )
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": publishing})

    clinical = make_workflow(
        "Clinical review", ClinicalReviewTask, "Clinical review", groups["Clinical reviewers"]
    )
    publish = get_permission(Permission, "wagtailcore.publish_page")
    for index in ArticleIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": clinical})
        GroupPagePermission.objects.get_or_create(
            group=groups["Clinical reviewers"], page_id=index.pk, permission=publish
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_clinical_review_task"),
        ("home", "0003_create_homepage"),
        ("practice", "0004_seed_safe_messaging_rules"),
        ("services", "0002_therapist_staff_account"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
