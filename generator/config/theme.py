"""The ordered search path of templates and assets: site overrides → theme → parent themes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.base.diagnostics import Diagnostic

BUILTIN_THEMES = Path(__file__).resolve().parents[2] / "themes"


@dataclass(frozen=True)
class Theme:
    """Where to look for templates, static assets and UI text, first match wins."""

    site_dirs: list[Path]
    """The site's own folder (its ``templates/``, ``static/``, ``i18n/``)."""
    theme_dirs: list[Path]
    """The theme and its parents, nearest first."""

    @property
    def all_dirs(self) -> list[Path]:
        """Return every folder in search order."""
        return self.site_dirs + self.theme_dirs

    def template_dirs(self) -> list[Path]:
        """Return the template folders in search order."""
        return [d / "templates" for d in self.all_dirs if (d / "templates").is_dir()]

    def static_dirs(self) -> list[Path]:
        """Return the static folders in search order."""
        return [d / "static" for d in self.all_dirs if (d / "static").is_dir()]


def find_theme_dir(name: str, site_dir: Path) -> Path | None:
    """Return the folder of theme ``name``: the site's own themes/ first, then the built-in ones."""
    for root in (site_dir / "themes", BUILTIN_THEMES):
        if (root / name / "templates").is_dir():
            return root / name
    return None


def load_theme(name: str, site_dir: Path) -> Theme | Diagnostic:
    """Resolve theme ``name`` and its ``extends:`` chain."""
    chain: list[Path] = []
    current: str | None = name
    while current is not None:
        found = find_theme_dir(current, site_dir)
        if found is None or found in chain:
            problem = "okänt tema" if found is None else "temat ärver av sig självt"
            return Diagnostic(
                "site.yaml",
                0,
                0,
                "theme",
                f'{problem}: "{current}"',
                "skriv theme: standard, eller lägg temat i themes/",
            )
        chain.append(found)
        meta_file = found / "theme.yaml"
        meta = yaml.safe_load(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else None
        current = meta.get("extends") if isinstance(meta, dict) else None
    return Theme([site_dir], chain)
