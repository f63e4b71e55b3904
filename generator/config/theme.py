"""The ordered search path of templates and assets: site overrides → theme → parent themes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.base.sources import decode_utf8
from generator.base.yamltext import parse_yaml_mapping

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
        meta = _theme_meta(found / "theme.yaml", site_dir)
        if isinstance(meta, Diagnostic):
            return meta
        extends = meta.get("extends")
        current = str(extends) if extends else None
    return Theme([site_dir], chain)


def _theme_meta(path: Path, site_dir: Path) -> dict[str, object] | Diagnostic:
    """Return a theme's ``theme.yaml`` (empty when it has none), or its first located problem."""
    if not path.is_file():
        return {}
    where = path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else str(path)
    text = decode_utf8(path.read_bytes(), where)
    if isinstance(text, Diagnostic):
        return text
    meta = parse_yaml_mapping(text, where, field_name="theme.yaml", example="extends: standard")
    return meta[0] if isinstance(meta, list) else meta.data
