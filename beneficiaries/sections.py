"""Sections that other apps add to the resident page (their meal and workshop history).

The data flows one way (tests/config/test_the_data_flows_one_way.py: beneficiaries imports neither meals nor workshops),
so those apps register their section here from their ``AppConfig.ready()``; the page shows each
section to the roles with its capability (config/roles.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from config.roles import may


@dataclass(frozen=True)
class ResidentSection:
    template: str  # included with ``section`` in its context
    capability: str  # who sees it
    context: Callable[..., dict]  # (resident=..., request=...) -> the template's data


_SECTIONS: list[ResidentSection] = []


def resident_section_register(section: ResidentSection) -> None:
    if section not in _SECTIONS:  # ready() may run twice in tests
        _SECTIONS.append(section)


def resident_sections(*, request, resident) -> list[dict]:
    """What the page includes for ``request.user``, in registration order."""
    return [
        {"template": section.template, **section.context(resident=resident, request=request)}
        for section in _SECTIONS
        if may(request.user, section.capability)
    ]
