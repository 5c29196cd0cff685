"""Who may call what: the API's role table written out per endpoint, the expectation of the matrix tests.

The endpoints themselves come from the URL resolver (tests/security/endpoints.py), so a new
endpoint that is not listed here fails the matrix until someone decides who may call it.
"""

DISTRIBUTION, WORKSHOP, COORDINATOR = "distribution", "workshop", "coordinator"
STAFF = frozenset({DISTRIBUTION, WORKSHOP, COORDINATOR})
MEALS = frozenset({DISTRIBUTION, COORDINATOR})
WORKSHOPS = frozenset({WORKSHOP, COORDINATOR})
ONLY_COORDINATOR = frozenset({COORDINATOR})
PUBLIC = "public"
# Anyone logged in, a user without a role included: ending one's own token (IsAuthenticated, no capability).
SIGNED_IN = frozenset({"no_role", *STAFF})

# (URL name, method) -> the roles that may call it. Reading residents is for every role;
# changing them, reference data, reports and the audit trail are the coordinator's.
API = {
    ("api-token", "POST"): PUBLIC,
    ("api-token-logout", "POST"): SIGNED_IN,
    ("schema", "GET"): PUBLIC,
    ("api-docs", "GET"): PUBLIC,
    ("api-audit", "GET"): ONLY_COORDINATOR,
    # Residents: all roles read and search; coordinators write.
    ("api-resident-list", "GET"): STAFF,
    ("api-resident-list", "POST"): ONLY_COORDINATOR,
    ("api-resident-duplicates", "GET"): ONLY_COORDINATOR,
    ("api-resident-detail", "GET"): STAFF,
    ("api-resident-detail", "PATCH"): ONLY_COORDINATOR,
    ("api-resident-card", "GET"): ONLY_COORDINATOR,
    ("api-resident-entitlements", "GET"): STAFF,
    ("api-resident-entitlements", "POST"): ONLY_COORDINATOR,
    ("api-resident-eligibility", "GET"): STAFF,
    ("api-resident-export", "GET"): ONLY_COORDINATOR,
    ("api-resident-anonymise", "POST"): ONLY_COORDINATOR,
    ("api-entitlement-suspend", "POST"): ONLY_COORDINATOR,
    ("api-entitlement-resume", "POST"): ONLY_COORDINATOR,
    # Reference data: everybody reads it (it explains eligibility), coordinators edit it.
    ("api-street-list", "GET"): STAFF,
    ("api-street-list", "POST"): ONLY_COORDINATOR,
    ("api-street-district", "GET"): STAFF,
    ("api-street-detail", "GET"): STAFF,
    ("api-street-detail", "PATCH"): ONLY_COORDINATOR,
    ("api-street-detail", "DELETE"): ONLY_COORDINATOR,
    ("api-closure-day-list", "GET"): STAFF,
    ("api-closure-day-list", "POST"): ONLY_COORDINATOR,
    ("api-closure-day-detail", "GET"): STAFF,
    ("api-closure-day-detail", "PATCH"): ONLY_COORDINATOR,
    ("api-closure-day-detail", "DELETE"): ONLY_COORDINATOR,
    # Meals: the counter and the coordinator.
    ("api-meal-issues", "GET"): MEALS,
    ("api-meal-issues", "POST"): MEALS,
    ("api-meal-issue-void", "POST"): MEALS,
    ("api-meal-day", "GET"): MEALS,
    ("api-meal-day-summary", "GET"): MEALS,
    ("api-meal-day-plan", "GET"): MEALS,
    ("api-meal-day-plan", "PUT"): ONLY_COORDINATOR,
    ("api-meal-day-plan", "PATCH"): ONLY_COORDINATOR,
    ("api-meal-today", "GET"): MEALS,
    ("api-meal-check", "GET"): MEALS,
    ("api-meal-residents", "GET"): MEALS,
    ("api-meal-prices", "GET"): ONLY_COORDINATOR,
    ("api-meal-prices", "POST"): ONLY_COORDINATOR,
    ("api-meal-offline-pack", "GET"): MEALS,
    # Workshops: leaders and the coordinator.
    ("workshop-session-list", "GET"): WORKSHOPS,
    ("workshop-session-list", "POST"): WORKSHOPS,
    ("workshop-session-detail", "GET"): WORKSHOPS,
    ("workshop-session-detail", "PATCH"): WORKSHOPS,
    ("workshop-session-cancel", "POST"): WORKSHOPS,
    ("workshop-session-mark-all-present", "POST"): WORKSHOPS,
    ("workshop-session-door", "POST"): WORKSHOPS,
    ("workshop-session-signups", "GET"): WORKSHOPS,
    ("workshop-session-signups", "POST"): WORKSHOPS,
    ("workshop-signup-detail", "GET"): WORKSHOPS,
    ("workshop-signup-cancel", "POST"): WORKSHOPS,
    ("workshop-signup-attendance", "POST"): WORKSHOPS,
    ("workshop-resident-history", "GET"): WORKSHOPS,
    ("workshop-figures", "GET"): WORKSHOPS,
    # Documents: leaders print attendance lists (per kind, checked per document), the rest is the coordinator's.
    ("api-document-list", "GET"): WORKSHOPS,
    ("api-document-list", "POST"): WORKSHOPS,
    ("api-document-detail", "GET"): WORKSHOPS,
    ("api-document-file", "GET"): WORKSHOPS,
    ("api-document-csv", "GET"): WORKSHOPS,
    # Imports of decisions: the coordinator's.
    ("api-import-create", "POST"): ONLY_COORDINATOR,
    ("api-import-detail", "GET"): ONLY_COORDINATOR,
}

# Staff pages: URL name -> {method: the roles that may use it}.
PAGES = {
    "home": {"GET": STAFF},
    "audit": {"GET": ONLY_COORDINATOR},
    "beneficiaries:resident-list": {"GET": STAFF},
    "beneficiaries:resident-detail": {"GET": STAFF},
    "beneficiaries:resident-create": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:resident-edit": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:entitlement-create": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:entitlement-suspend": {"POST": ONLY_COORDINATOR},
    "beneficiaries:entitlement-resume": {"POST": ONLY_COORDINATOR},
    "beneficiaries:street-list": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:criteria": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:closure-list": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:reference-edit": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "beneficiaries:reference-delete": {"POST": ONLY_COORDINATOR},
    "meals:overview": {"GET": ONLY_COORDINATOR},
    "meals:counter": {"GET": MEALS},
    "meals:counter-service-worker": {"GET": MEALS},
    "meals:day": {"GET": MEALS, "POST": ONLY_COORDINATOR},
    "meals:day-detail": {"GET": MEALS, "POST": ONLY_COORDINATOR},
    "meals:resident-history": {"GET": MEALS},
    "meals:prices": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "meals:paper": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "meals:paper-list": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "workshops:session-list": {"GET": WORKSHOPS},
    "workshops:session-create": {"GET": WORKSHOPS, "POST": WORKSHOPS},
    "workshops:figures": {"GET": WORKSHOPS},
    "workshops:session-detail": {"GET": WORKSHOPS},
    "workshops:signup-create": {"POST": WORKSHOPS},
    "workshops:session-capacity": {"POST": WORKSHOPS},
    "workshops:session-cancel": {"POST": WORKSHOPS},
    "workshops:session-door": {"POST": WORKSHOPS},
    "workshops:session-mark-all-present": {"POST": WORKSHOPS},
    "workshops:signup-cancel": {"POST": WORKSHOPS},
    "workshops:signup-attendance": {"POST": WORKSHOPS},
    "workshops:resident-history": {"GET": WORKSHOPS},
    "tasks:document-list": {"GET": WORKSHOPS, "POST": WORKSHOPS},
    "tasks:resident-anonymise": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "tasks:import-list": {"GET": ONLY_COORDINATOR, "POST": ONLY_COORDINATOR},
    "tasks:import-template": {"GET": ONLY_COORDINATOR},
    "tasks:import-detail": {"GET": ONLY_COORDINATOR},
    "tasks:import-apply": {"POST": ONLY_COORDINATOR},
}

# Pages anyone may open (they hold no personal data): not part of the matrix.
# (/healthz is no URL pattern: config.middleware answers it before Django resolves anything.)
PUBLIC_PAGES = {"login", "logout", "set_language"}

# --- Inside the endpoints and pages: what each role may do with a row, and see of a person ---------
# The same rules hold in the API and on the pages (tests/security/test_the_same_rules_in_api_and_pages.py).

# Document kinds each role may request and read (docs/api.md#documents); other kinds are refused
# with 403 when requested and are not found (404) when read.
DOCUMENT_KINDS = {
    "meal_roster": ONLY_COORDINATOR,
    "workshop_attendance": WORKSHOPS,
    "monthly_meals": ONLY_COORDINATOR,
    "fead_report": ONLY_COORDINATOR,
    "meal_settlement": ONLY_COORDINATOR,
    "meal_serving_sheet": ONLY_COORDINATOR,
}

# Voiding a meal issue: who may undo whose issue (docs/api.md#roles). Counter staff: their own, the
# same day; coordinators: any. The API says so on each issue (may_void), the counter obeys it.
VOID_OWN_TODAY = MEALS
VOID_ANY = ONLY_COORDINATOR

# Workshop sessions: whoever manages workshops reads every session, in the API and on the page
# (leaders' own are only the page's default filter); only coordinators name another leader.
READ_EVERY_SESSION = WORKSHOPS
NAME_ANOTHER_LEADER = ONLY_COORDINATOR

# Personal fields of a resident: the roles that receive each (docs/api.md#residents). Everyone else
# gets the key absent in the API and sees nothing of it on the resident's page.
FIELDS = {
    "pesel": ONLY_COORDINATOR,
    "notes": ONLY_COORDINATOR,
    "monthly_income": ONLY_COORDINATOR,
    "household_size": ONLY_COORDINATOR,
    "phone": ONLY_COORDINATOR,
    "diet": STAFF,
    "allergies": STAFF,
}
# ... and the phone of a person signed up (confirmed or waiting) to a session the reader leads:
# leaders call those promoted from the waiting list (docs/api.md#residents).
PHONE_OF_PARTICIPANTS = frozenset({WORKSHOP})
