"""The ordered search path of templates and assets: site overrides → theme → parent themes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.base.diagnostics import Diagnostic
from generator.base.sources import decode_utf8
from generator.base.yamltext import parse_yaml_mapping
from generator.config.settings import setting_position

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
    # Where the name was written: site.yaml's theme:, then each theme's extends:.
    where, line, column = "site.yaml", *(setting_position(site_dir, "theme") or (1, 1))
    while current is not None:
        found = find_theme_dir(current, site_dir)
        if found is None or found in chain:
            problem = "okänt tema" if found is None else "temat ärver av sig självt"
            field = "theme" if not chain else "extends"
            hint = f"skriv {field}: standard, eller lägg temat i themes/"
            return Diagnostic(where, line, column, field, f'{problem}: "{current}"', hint)
        chain.append(found)
        meta = _theme_meta(found / "theme.yaml", site_dir)
        if isinstance(meta, Diagnostic):
            return meta
        extends = meta[0].get("extends") if meta else None
        current = str(extends) if extends else None
        if meta:
            where, line, column = meta[1], *meta[2]
    return Theme([site_dir], chain)


def _theme_meta(
    path: Path, site_dir: Path
) -> tuple[dict[str, object], str, tuple[int, int]] | Diagnostic | None:
    """Return a theme's ``theme.yaml``, its name and where ``extends:`` is written; None without one."""
    if not path.is_file():
        return None
    where = path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else str(path)
    text = decode_utf8(path.read_bytes(), where)
    if isinstance(text, Diagnostic):
        return text
    meta = parse_yaml_mapping(text, where, field_name="theme.yaml", example="extends: standard")
    if isinstance(meta, list):
        return meta[0]
    at = meta.values.at("extends")
    return meta.data, where, (at.line, at.column)
