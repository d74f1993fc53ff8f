"""What the web application keeps: organisations (a tree), users and their roles per organisation,
evaluations, their immutable versions (the ``jixiao check --json`` object of each) and an append-only
event log. State changes happen only in ``jixiao.web.services``."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    FINANCE = "finance", "财政部门"
    DEPARTMENT = "department", "主管部门"
    UNIT = "unit", "填报单位"


class Role(models.TextChoices):
    FINANCE_ADMIN = "finance_admin", "财政管理员"
    FINANCE_REVIEWER = "finance_reviewer", "财政复核人"
    DEPT_REVIEWER = "dept_reviewer", "主管部门复核人"
    UNIT_FILLER = "unit_filler", "单位填报人"
    UNIT_HEAD = "unit_head", "单位负责人"


# which organisation kinds a role may be granted in
ROLE_KINDS: dict[str, set[str]] = {
    Role.FINANCE_ADMIN: {Kind.FINANCE},
    Role.FINANCE_REVIEWER: {Kind.FINANCE},
    Role.DEPT_REVIEWER: {Kind.DEPARTMENT},
    Role.UNIT_FILLER: {Kind.UNIT},
    Role.UNIT_HEAD: {Kind.UNIT},
}


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交（待主管部门审核）"
    DEPT_APPROVED = "dept_approved", "主管部门已审核（待财政审核）"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "财政已审核"
    PUBLISHED = "published", "已公开"


class Organization(models.Model):
    code = models.CharField("代码", max_length=64, unique=True)
    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    parent = models.ForeignKey("self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    # materialised path of ids, "/1/4/9/": a subtree is one indexed prefix query
    path = models.CharField(max_length=1000, db_index=True, editable=False, default="")
    active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["path"]
        verbose_name = "单位"

    def __str__(self) -> str:
        return self.name

    def ancestors_and_self_ids(self) -> list[int]:
        return [int(p) for p in self.path.strip("/").split("/") if p]


class User(AbstractUser):
    """A person; ``org`` is where they belong (shown in /me). Rights come from ``RoleGrant``."""

    display_name = models.CharField("姓名", max_length=100, blank=True, default="")
    org = models.ForeignKey(Organization, verbose_name="所属单位", null=True, blank=True, on_delete=models.PROTECT,
                            related_name="members")

    @property
    def shown_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "org", "role"], name="unique_grant")]


class ApiToken(models.Model):
    """A Bearer token: only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class SignInFailures(models.Model):
    """Failed sign-ins per user name and per address in the current window, in the database so that every
    server process (and every server in front of the same database) counts the same failures."""

    key = models.CharField(max_length=200, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField(db_index=True)


class Evaluation(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="evaluations")
    title = models.CharField(max_length=300, default="")
    fiscal_year = models.IntegerField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    version = models.PositiveIntegerField(default=0)  # the current version's number
    # incremented by every change: a change made from a stale read is refused (409), never lost
    row_version = models.PositiveIntegerField(default=0)
    # denormalised from the current version for lists and queues
    total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    grade = models.CharField(max_length=4, blank=True, default="")
    n_error = models.PositiveIntegerField(default=0)
    n_warning = models.PositiveIntegerField(default=0)
    n_info = models.PositiveIntegerField(default=0)
    # workflow facts
    submitted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    dept_approved_org = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+")
    approved_org = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    reviewed_total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    opinion = models.TextField(blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["status", "updated_at"]), models.Index(fields=["org", "status"])]

    def __str__(self) -> str:
        return self.title or f"自评 {self.pk}"

    @property
    def locked(self) -> bool:
        return self.status in (Status.APPROVED, Status.PUBLISHED)

    def current(self) -> EvaluationVersion:
        return self.versions.get(number=self.version)


class ImmutableError(Exception):
    pass


class _AppendOnly(models.Model):
    """Rows written once: saving an existing row or deleting one raises."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError(f"{type(self).__name__} rows are immutable")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableError(f"{type(self).__name__} rows cannot be deleted")


class EvaluationVersion(_AppendOnly):
    """One version: the check object exactly as ``jixiao check --json`` gives it."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    result = models.JSONField()  # the check object (``jixiao check --json``)
    source_name = models.CharField(max_length=300, blank=True, default="")
    source_format = models.CharField(max_length=16, blank=True, default="")
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["evaluation", "number"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "number"], name="unique_version")]


class VersionView(models.Model):
    """The evaluation page's parts for one version (scorecard with the indicator table, report text,
    findings), rendered once: a version never changes, so neither do they. A cache, not a record:
    rows are written on a version's first view and rewritten when the templates change (``revision``)."""

    version = models.OneToOneField(EvaluationVersion, primary_key=True, on_delete=models.CASCADE,
                                   related_name="view")
    revision = models.CharField(max_length=32)
    scorecard = models.TextField()
    narrative = models.TextField()
    findings = models.TextField()
    errors = models.PositiveIntegerField(default=0)  # error-level findings (the submit form asks to acknowledge)


class Event(_AppendOnly):
    """Append-only log: every state change of an evaluation, and every change to organisations and users."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(Organization, null=True, on_delete=models.PROTECT, related_name="+")
    evaluation = models.ForeignKey(Evaluation, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="events")
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=16, blank=True, default="")
    to_status = models.CharField(max_length=16, blank=True, default="")
    version = models.PositiveIntegerField(null=True, blank=True)
    reason = models.TextField(blank=True, default="")
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
