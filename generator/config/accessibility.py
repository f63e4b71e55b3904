"""Check that the tillgänglighetsredogörelse says what lag (2018:1937) requires of it."""

from __future__ import annotations

from generator.base.diagnostics import Diagnostic, Severity
from generator.config.settings import CONFIG_FILE, SiteConfig, setting_position

EXAMPLE = "accessibility: {contact_email: webb@sjovik.se, last_review: 2025-01-15}"


def check_statement(config: SiteConfig) -> list[Diagnostic]:
    """Warn when a written statement gives no way to report shortcomings, or no date of its last review."""
    # Only a written block is checked: minimal and test sites without one would otherwise always warn.
    written = setting_position(config.site_dir, "accessibility")
    if written is None:
        return []
    line = written[0]
    statement = config.accessibility
    missing = []
    # 2018:1937 12 §: the statement must tell how to report shortcomings (a "feedback mechanism").
    if not statement.contact_email and not statement.contact_phone:
        missing.append(("contact_email", "ingen kontaktuppgift för att rapportera brister"))
    if statement.last_review is None and statement.statement_date is None:
        missing.append(("last_review", "inget datum för när redogörelsen senast granskades"))
    return [
        Diagnostic(
            CONFIG_FILE,
            line,
            1,
            f"accessibility.{key}",
            f"tillgänglighetsredogörelsen har {what}",
            f"skriv t.ex. {EXAMPLE}",
            Severity.WARNING,
        )
        for key, what in missing
    ]
