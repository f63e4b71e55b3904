"""Everything a build needs before its first record: site.yaml, the theme and its UI strings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.config.accessibility import check_statement
from generator.config.i18n import TranslationError, Translator, load_translator
from generator.config.settings import SiteConfig, load_config
from generator.config.theme import Theme, load_theme


@dataclass(frozen=True)
class Settings:
    """site.yaml checked, the theme found, its UI strings loaded."""

    config: SiteConfig
    theme: Theme
    translator: Translator


def load_settings(site_dir: Path, base_url: str | None = None) -> tuple[Settings | None, list[Diagnostic]]:
    """Return the site's settings (None when they cannot be used) and every problem found in them.

    ``base_url`` overrides site.yaml's (the preview serves the site at the root of a local address).
    """
    config = load_config(site_dir)
    if isinstance(config, list):
        return None, config
    if base_url is not None:
        config = replace(config, base_url=base_url, base_path="/")
    problems = check_statement(config)
    theme = load_theme(config.theme, config.site_dir)
    if not isinstance(theme, Theme):
        return None, [*problems, theme]
    try:
        t = load_translator(theme.all_dirs, config.language, config.site_dir)
    except TranslationError as exc:
        return None, [*problems, *exc.diagnostics]
    return Settings(config, theme, t), problems
