"""Demo data (``jixiao serve --demo``): the organisation tree and users of shared/spec/web-api.md and the
bundled example report as a draft of 示范市公安局交通管理支队. Made through the service layer."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from jixiao.web import services as svc
from jixiao.web.models import Kind, Organization, Role

PASSWORD = "jixiao-demo"
EXAMPLE = Path(__file__).with_name("demo-report-2023-traffic-police.txt")

ORGS = [  # code, name, kind, parent code
    ("czj", "示范市财政局", Kind.FINANCE, None),
    ("gaj", "示范市公安局", Kind.DEPARTMENT, "czj"),
    ("gaj-jgzd", "示范市公安局交通管理支队", Kind.UNIT, "gaj"),
    ("jyj", "示范市教育局", Kind.DEPARTMENT, "czj"),
    ("jyj-yz", "示范市第一中学", Kind.UNIT, "jyj"),
]

USERS = [  # username, display name, role, organisation code
    ("admin", "财政管理员", Role.FINANCE_ADMIN, "czj"),
    ("finance", "财政复核人", Role.FINANCE_REVIEWER, "czj"),
    ("dept", "公安局复核人", Role.DEPT_REVIEWER, "gaj"),
    ("unit", "交管支队填报人", Role.UNIT_FILLER, "gaj-jgzd"),
    ("unithead", "交管支队负责人", Role.UNIT_HEAD, "gaj-jgzd"),
    ("school", "一中填报人", Role.UNIT_FILLER, "jyj-yz"),
]


def load_demo(with_report: bool = True) -> bool:
    """Fill an EMPTY database with the demo data; False (nothing done) when organisations exist."""
    if Organization.objects.exists():
        return False
    with transaction.atomic():
        for code, name, kind, parent in ORGS:
            svc.create_org(None, code=code, name=name, kind=kind, parent=parent)
        for username, name, role, org in USERS:
            svc.create_user(None, username=username, password=PASSWORD, org=org, display_name=name, roles=[role],
                            validate_password=False)
        if with_report:
            import json

            from jixiao.app import check_file
            from jixiao.batch import dumps_result
            from jixiao.policy import load_policy

            check = json.loads(dumps_result(check_file(EXAMPLE, load_policy(), source=EXAMPLE.name)))
            unit = svc.User.objects.get(username="unit")
            svc.create_evaluation(unit, check=check)
    return True


LOGINS = "\n".join(f"  {u:<9} {Role(r).label}（{dict((c, n) for c, n, _, _ in ORGS)[o]}）" for u, _, r, o in USERS)
