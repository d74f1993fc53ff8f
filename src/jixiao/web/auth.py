"""Django's model backend, with the user's organisation read in the same query: every signed-in page
shows it, and a page's fixed cost is paid on every request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from jixiao.web.models import User


class Backend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            user = User._default_manager.select_related("org").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
