"""``jixiao web bootstrap``: the first finance bureau and its administrator on an empty database (a
production installation has no demo data; everything else is then done in the pages or the API)."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from jixiao.web import services as svc
from jixiao.web.models import Organization, Role


class Command(BaseCommand):
    help = "创建第一个财政部门和它的财政管理员（数据库中还没有任何单位时）"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--org-code", required=True, help="财政部门代码，如 czj")
        parser.add_argument("--org-name", required=True, help="财政部门名称，如 某某市财政局")
        parser.add_argument("--username", required=True, help="财政管理员的用户名")
        parser.add_argument("--name", default="", help="财政管理员的姓名")
        parser.add_argument("--password-env", default="JIXIAO_ADMIN_PASSWORD",
                            help="从该环境变量读取密码（未设置时交互输入）")

    def handle(self, *args: Any, **opts: Any) -> None:
        if Organization.objects.exists():
            raise CommandError("数据库中已有单位：请用财政管理员账号在网页中管理单位和用户")
        password = os.environ.get(opts["password_env"]) or ""
        if not password:
            password = getpass.getpass("密码：")
            if password != getpass.getpass("再次输入密码："):
                raise CommandError("两次输入的密码不一致")
        try:
            with transaction.atomic():
                svc.create_org(None, code=opts["org_code"], name=opts["org_name"], kind="finance")
                svc.create_user(None, username=opts["username"], password=password, org=opts["org_code"],
                                display_name=opts["name"], roles=[Role.FINANCE_ADMIN])
        except svc.ServiceError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"已创建财政部门 {opts['org_name']}（{opts['org_code']}）和财政管理员 {opts['username']}")
