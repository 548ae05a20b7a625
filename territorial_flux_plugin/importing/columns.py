"""The columns an import writes, per table."""

COMPANY_COLUMNS = ("siret", "name", "naf_code", "headcount_band", "address", "postcode", "commune",
                   "commune_code", "zone", "contact_name", "contact_email", "contact_phone", "notes")
FLOW_COLUMNS = ("uid", "company_uid", "direction", "family", "resource_code", "label", "quantity",
                "unit", "hazardous", "priority", "confidentiality", "advisor", "status", "notes",
                "last_verified", "created_at", "updated_at", "updated_by")
AREA_COLUMNS = ("uid", "geom", "kind", "code", "name", "source")
