"""The review engine: rules with evidence (shared/spec/review-rules.md).

``review(report, card, policy)`` runs every rule of the catalogue and returns the findings sorted
error, warning, info, then by code. Findings never change the score. A rule that crashes becomes an
``X00`` info finding naming it; the others still run.

Rule families, one module each: ``budget`` (B), ``indicators`` (I), ``targets`` (T),
``narrative`` (N), ``stated`` (S), ``document`` (D). Word lists live in ``jixiao/data/review.toml``;
thresholds come from the policy's ``[review]`` table.
"""

from __future__ import annotations

from jixiao.model import Finding, Report, ScoreCard
from jixiao.policy import Policy

# Importing the rule modules registers their rules in the catalogue.
from jixiao.review import budget, document, indicators, narrative, stated, targets
from jixiao.review.base import (
    ReviewContext,
    RuleFn,
    RuleInfo,
    Words,
    catalogue,
    load_words,
    rule,
    run_rules,
)


def review(report: Report, card: ScoreCard, policy: Policy) -> list[Finding]:
    """All rules on one report; sorted by severity (error, warning, info), then code."""
    return run_rules(ReviewContext(report=report, card=card, policy=policy, words=load_words()))


__all__ = [
    "ReviewContext",
    "RuleFn",
    "RuleInfo",
    "Words",
    "budget",
    "catalogue",
    "document",
    "indicators",
    "load_words",
    "narrative",
    "review",
    "rule",
    "stated",
    "targets",
]
