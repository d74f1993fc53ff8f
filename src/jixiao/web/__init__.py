"""The web application (Django): units file self-evaluations, departments and finance review them.

Adapters only: what is stored is what ``jixiao.app`` computes (the ``jixiao check --json`` object).
Every state change goes through ``jixiao.web.services``.
"""
