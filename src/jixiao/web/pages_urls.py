"""The pages' addresses (included at the root by ``jixiao.web.urls``)."""

from django.urls import path

from jixiao.web import pages

app_name = "pages"

urlpatterns = [
    path("", pages.home, name="home"),
    path("login/", pages.login_view, name="login"),
    path("logout/", pages.logout_view, name="logout"),
    path("evaluations/", pages.evaluations, name="evaluations"),
    path("evaluations/new/", pages.new, name="new"),
    path("evaluations/<int:pk>/", pages.detail, name="detail"),
    path("evaluations/<int:pk>/edit/", pages.edit, name="edit"),
    path("evaluations/<int:pk>/edit/<slug:part>/", pages.edit_part, name="edit_part"),
    path("evaluations/<int:pk>/upload/", pages.upload_version, name="upload_version"),
    path("evaluations/<int:pk>/indicators/<int:index>/", pages.row, name="row"),
    path("evaluations/<int:pk>/diff/", pages.diff, name="diff"),
    path("evaluations/<int:pk>/opinion.docx", pages.opinion, name="opinion"),
    path("evaluations/<int:pk>/<slug:name>/", pages.action, name="action"),
    path("queue/", pages.queue, name="queue"),
    path("public/", pages.public, name="public"),
    path("public/<int:pk>/", pages.public_detail, name="public_detail"),
    path("manage/publish/", pages.publish_list, name="publish"),
    path("manage/overview/", pages.overview, name="overview"),
    path("manage/orgs/", pages.orgs, name="orgs"),
    path("manage/users/", pages.users, name="users"),
]
