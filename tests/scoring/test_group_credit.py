"""Technologies outside the curated lists still credit the area they belong to, end to end.

Table-driven on generated PDFs: one work bullet per case, then the requirement group it must
(or must not) meet and the skill its explanation must name. Each case is a reading that once
gave a false gap ("No backend web framework is named" for a CakePHP developer).
"""

from __future__ import annotations

import pytest
from pdf_factory import build_resume_pdf

from analyzer.report import analyze

JOB = "**Software Engineer, Example Ltd\tJan 2020 – Present"

CASES = [
    # (id, bullet, group, credited?, word the group's explanation must hold)
    ("CakePHP", "• Built the booking site in PHP and CakePHP", "backend_framework", True, "CakePHP"),
    ("WCF", "• Built WCF services for the iOS and Android apps", "backend_framework", True, "WCF"),
    ("Falcon", "• Wrote the pricing API in Python with Falcon", "backend_framework", True, "Falcon"),
    ("general words", "• Broad experience with web development frameworks",
     "backend_framework", True, "Web framework"),
    ("a frontend framework is not one", "• Built the dashboard in React and Angular",
     "backend_framework", False, ""),
    # "DevOps" names the field, not a pipeline: related only (a token 10 that quotes it)
    ("Dev-Ops", "• Streamlined the tools for our Dev-Ops implementation", "ci_cd", True, 'Found only "Dev-Ops"'),
    ("Azure SQL is Azure", "• Moved the reporting database to Azure SQL", "cloud_hosting", True,
     "Azure SQL Database"),
    ("Azure SQL is SQL Server", "• Moved the reporting database to Azure SQL",
     "relational_database", True, "Azure SQL Database"),
    ("Cognito is AWS", "• Added sign-in with AWS Cognito to the mobile API", "cloud_hosting", True,
     "Amazon Cognito"),
    ("Cognito is authentication", "• Added sign-in with AWS Cognito to the mobile API",
     "auth_security", True, "Amazon Cognito"),
    ("ElastiCache is Redis", "• Cached sessions in Amazon ElastiCache for Redis",
     "nosql_or_caching", True, "ElastiCache"),
    ("network security names the area", "• Took the Network Security course and passed it",
     "auth_security", True, "Information security"),
    ("a security guard does not", "• Security officer at the front desk of the mall",
     "auth_security", False, ""),
    ("VSTF is version control", "• Checked the final code in to VSTF after each review",
     "version_control", True, "Subversion"),
    ("WebObjects is a web framework", "• Wrote WebObjects applications for the online store",
     "backend_framework", True, "WebObjects"),
    ("multi threaded is concurrency", "• Created a multi threaded connector for the message bus",
     "performance_scalability", True, "Concurrency"),
]


@pytest.mark.parametrize("bullet, group_id, credited, named",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_technology_credits_its_area(tmp_path, taxonomy, bullet, group_id, credited, named):
    pdf = build_resume_pdf(tmp_path / "r.pdf", sections=[("Experience", [JOB, bullet])])
    report = analyze(pdf, taxonomy=taxonomy).to_dict()
    group = next(g for g in report["readiness"]["groups"] if g["id"] == group_id)
    if credited:
        assert group["score"] > 0, group["explanation"]
        assert named in group["explanation"]
    else:
        assert group["score"] == 0, group["explanation"]
