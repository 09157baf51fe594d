"""Disambiguation on real-looking lines: which skills a careful reader counts.

Each case is (line, JSON Resume section, ids that must be found, ids that must not).
Good and bad readings of the same word sit side by side, so a rule that is too loose
or too strict fails here. The matcher is the real one, compiled from the project's
skill_taxonomy.yaml.
"""

from __future__ import annotations

import pytest

from analyzer.skills.matcher import SkillMatcher


@pytest.fixture(scope="module")
def matcher(taxonomy) -> SkillMatcher:
    return SkillMatcher(taxonomy)


CASES = [
    # --- tokenization: names with symbols match as wholes
    ("C++, C#, .NET, Node.js, CI/CD, ASP.NET Core, Express.js, REST API, k8s", "skills",
     {"cpp", "csharp", "dotnet", "node_js", "ci_cd", "aspnet_core", "express", "rest",
      "kubernetes"}, {"c"}),
    ("Node.JS/Express, AWS(EC2,S3), Vue.js/React.js", "skills",
     {"node_js", "express", "aws", "vue", "react"}, set()),
    ("J2EE, PL/SQL(Oracle 9), C++/C#", "skills", {"jakarta_ee", "oracle_database", "cpp", "csharp"},
     {"c"}),
    ("Built the portal in C#.NET and SQL Server", "work", {"csharp", "dotnet", "sql_server"},
     {"c"}),
    ("python3, Java8, C++17", "skills", {"python", "java", "cpp"}, set()),
    ("JavaScript and TypeScript, Java Script", "skills", {"javascript", "typescript"}, {"java"}),
    ("Java, Spring, Hibernate", "skills", {"java", "spring", "hibernate"}, {"javascript"}),
    # --- label rows and skills lists
    ("Languages: Python, C++, CUDA, Rust, Julia", "basics",
     {"python", "cpp", "rust", "julia"}, {"c"}),
    ("Tech: React Hooks, GraphQL, Node.js, SQL, Postgres, NoSql, Redis, REST API, Git", "skills",
     {"react", "graphql", "node_js", "sql", "postgresql", "nosql", "redis", "rest", "git"},
     set()),
    ("C, C++, Java", "basics", {"c", "cpp", "java"}, set()),
    ("C • C++ • CSS • PHP • Assembly", "skills", {"c", "cpp", "css", "php"}, set()),
    ("Java • Shell • Python • Javascript", "skills",
     {"java", "shell_scripting", "python", "javascript"}, set()),
    ("Programming Languages: C, R, Go", "basics", {"c", "r", "go"}, set()),
    ("Java (13), Python (10), C for AVR microcontrollers (4)", "languages",
     {"java", "python", "c"}, set()),
    ("JAVA, SPRING, ORACLE", "skills", {"java", "spring", "oracle_database"}, set()),
    ("ORACLE INDIA PVT LTD", "work", set(), {"oracle_database"}),
    # --- Go
    ("Built REST APIs in Go and PostgreSQL", "work", {"rest", "go", "postgresql"}, set()),
    ("I will go through the docs", "work", set(), {"go"}),
    ("Go through the onboarding checklist with new hires", "work", set(), {"go"}),
    ("Ready to Go live with the new store", "work", set(), {"go"}),
    ("Wrote microservices in Golang with gRPC", "work", {"go", "grpc"}, set()),
    ("Contact bob@golang.org for details", "basics", set(), {"go"}),
    # --- C and R, single letters
    ("Written in C for embedded systems", "projects", {"c"}, set()),
    ("Statistical models in R.", "projects", {"r"}, set()),
    ("R&D engineer at a robotics lab", "work", set(), {"r"}),
    ("Served in the R.O.K army", "basics", set(), {"r"}),
    ("H.R. Management certificate", "certificates", set(), {"r"}),
    ("Worked with Dr. A. Lee and Prof. R. Adams on PlanIt", "work", set(), {"r"}),
    ("John C. Smith, Hiring Manager", "references", set(), {"c"}),
    ("Fitch, D., Tolman, R. (2007). XML and ePortfolios.", "publications", set(), {"r"}),
    ("C1 Advance English certificate", "languages", set(), {"c"}),
    ("RÉSUMÉ", "basics", set(), {"r"}),
    ("E D U C AT IO N", "education", set(), {"c"}),
    ("Reported to C-level executives weekly", "work", set(), {"c"}),
    ("Grade: C", "education", set(), {"c"}),
    # --- Spring, seasons and places
    ("Spring 2017", "education", set(), {"spring"}),
    ("OpenResume Spring 2023", "projects", set(), {"spring"}),
    ("Software Engineer Intern Summer 2022", "work", set(), {"spring"}),
    ("Spring Boot microservices", "work", {"spring_boot", "microservices"}, {"spring"}),
    ("REST services with Spring and Hibernate", "work", {"rest", "spring", "hibernate"}, set()),
    ("Assistant Principal, Great Pupil Elementary, Spring, TX", "work", set(), {"spring"}),
    # --- Play, Express, Rails, Flask, Shell, Apache, Oracle, Swift, Rust
    ("Scala using Play", "work", {"scala", "play_framework"}, set()),
    ("Published two apps on Google Play", "projects", set(), {"play_framework"}),
    ("Play Store rating above 4.5", "projects", set(), {"play_framework"}),
    ("Customer success manager at American Express", "work", set(), {"express"}),
    ("Express, MongoDB, Node", "skills", {"express", "mongodb", "node_js"}, set()),
    ("Ruby on Rails and PostgreSQL", "work", {"ruby_on_rails", "postgresql"}, {"ruby"}),
    ("Went off the rails", "basics", set(), {"ruby_on_rails"}),
    ("APIs in Flask with SQLAlchemy", "projects", {"flask", "sqlalchemy"}, set()),
    ("Washed every lab flask by hand", "work", set(), {"flask"}),
    ("I created the Meme generator and more in PHP and Shell.", "work",
     {"php", "shell_scripting"}, set()),
    ("Shell Oil Company, Houston", "work", set(), {"shell_scripting"}),
    ("Automated backups with bash scripts", "work", {"shell_scripting"}, set()),
    ("Configured Apache and MySQL on Ubuntu", "work", {"apache", "mysql", "linux"}, set()),
    ("Ingested events with Apache Kafka", "work", {"kafka"}, {"apache"}),
    ("Oracle India Pvt Ltd", "work", set(), {"oracle_database"}),
    ("Senior Consultant at Oracle", "work", set(), {"oracle_database"}),
    # a Title-Case name after a job title in a work header is the employer
    ("Junior Backend Developer, Lumen Parcel Jun 2023 – Present", "work", set(),
     {"lumen", "parcel", "php", "laravel"}),
    ("Software Engineering Intern | Spark Labs", "work", set(), {"apache_spark"}),
    ("Data Engineer – Beam Analytics", "work", set(), {"apache_beam"}),
    ("Backend Engineer, Go", "work", {"go"}, set()),            # a lone word stays a skill
    # "OSS" is also SAP's support system and telecom's operations systems
    ("Apply OSS Notes using SNOTE.", "skills", set(), {"open_source"}),
    ("Worked on OSS/BSS systems for a telecom operator", "work", set(), {"open_source"}),
    ("Contributed OSS patches to the Linux kernel", "work", {"open_source"}, set()),
    ("Creating OSS messages on various issues to SAP in SMP.", "skills", set(), {"open_source"}),
    # "SCM" is also supply chain management
    ("Applications Development for Oracle CRM, Oracle ebusiness SCM,", "work", set(), {"version_control"}),
    ("Tools: SCM, Git, Jira", "skills", {"version_control", "git"}, set()),
    ("Used ClearCase as SCM for releases", "work", {"version_control"}, set()),
    # PaaS only as written
    ("Performed a security overhaul of PAAs Overlord3", "work", set(), {"cloud_hosting"}),
    ("Deployed the API to a PaaS (Heroku)", "work", {"cloud_hosting", "heroku"}, set()),
    ("Built the API in Lumen, PHP and MySQL", "work", {"lumen", "php", "mysql"}, set()),
    ("Tuned queries on Oracle and PostgreSQL", "work", {"oracle_database", "postgresql"}, set()),
    ("Worked on Oracle Hyperion reports", "work", set(), {"oracle_database"}),
    ("Swift, Kotlin, Objective-C", "skills", {"swift", "kotlin", "objective_c"}, set()),
    ("Processed SWIFT payments for the bank", "work", set(), {"swift"}),
    ("Rust, Go and C++", "skills", {"rust", "go", "cpp"}, set()),
    ("Rust removal on the loading docks", "work", set(), {"rust"}),
    ("Applied rust-proof coating to steel frames", "work", set(), {"rust"}),
    # --- Make, REST, GitHub, Azure, JS
    ("Make the change and ship it", "work", set(), {"make"}),
    ("Builds driven by Make and CMake", "work", {"make"}, set()),
    ("Designed REST endpoints for the mobile app", "work", {"rest"}, set()),
    ("Led the rest of the team through the launch", "work", set(), {"rest"}),
    ("Adopted by 3 labs, 8,500+ GitHub stars", "projects", set(), {"github"}),
    ("CI with GitHub Actions and GitHub", "work", {"github_actions", "github"}, set()),
    ("Research integrated into Azure Cognitive Services", "work", set(), {"azure"}),
    ("Deployed on Azure with Terraform", "work", {"azure", "terraform"}, set()),
    ("Wrote code for JS using Backbone", "work", {"javascript"}, set()),
    ("Good Clinical Practice GCP compliance audits", "work", set(), {"google_cloud"}),
    ("Infrastructure: Kubernetes, Ray, AWS, GCP", "skills",
     {"kubernetes", "aws", "google_cloud"}, set()),
    # --- words that are only skills with context (names, nouns, brands)
    ("Julia Roberts joined the design team", "work", set(), {"julia"}),
    ("Julia programming for numerical models", "projects", {"julia"}, set()),
    ("Express delivery within two days", "work", set(), {"express"}),
    ("Chef de partie at the Grand Hotel", "work", set(), {"chef", "ansible"}),
    ("Provisioned servers with Chef and Terraform", "work", {"chef", "terraform"}, {"ansible"}),
    ("Jenkins, the hiring manager, approved it", "references", set(), {"jenkins"}),
    ("CI with Jenkins and Docker", "work", {"jenkins", "docker", "ci_cd"}, set()),
    ("Composer of film scores for student shorts", "volunteer", set(), {"build_tools"}),
    ("Tornado relief volunteer for the Red Cross", "volunteer", set(), {"tornado"}),
    ("Black Friday sales campaign", "work", set(), {"code_quality"}),
    ("Phoenix University, 2008", "education", set(), {"phoenix"}),
    ("Spring developer building Java services", "work", {"spring", "java"}, set()),
    # --- URLs, e-mail addresses and handles never count
    ("github.com/user/python-app", "basics", set(), {"python", "github"}),
    ("https://gitlab.com/jane/django-rest-api", "projects", set(), {"django", "gitlab", "rest"}),
    ("Twitter:// @golang_fan", "basics", set(), {"go"}),
    ("jane.smith@example.com | Github:// janesmith", "basics", set(), {"github"}),
    ("Built socket.io chat on Node.js", "projects", {"websockets", "node_js"}, set()),
    # --- soft skills need a soft-skill reading, not software talking to software
    ("Implementing RESTful services for communication between frontend and backend", "work",
     {"rest"}, {"communication"}),
    ("Utilized RESTful APIs for communication between different services", "work", {"rest"},
     {"communication"}),
    ("NeurIPS 2022 workshop paper on emergent communication protocols", "work", set(),
     {"communication"}),
    ("Multi-Agent Reinforcement Learning with Emergent Communication July 2022",
     "publications", set(), {"communication"}),
    ("Excellent written and verbal communication skills", "basics", {"communication"}, set()),
    ("Strong communicator who communicated with stakeholders weekly", "work",
     {"communication"}, set()),
    ("Communicated with stakeholders to define requirements", "work", {"communication"}, set()),
    ("Strong communication, teamwork and problem-solving skills", "basics",
     {"communication", "teamwork", "problem_solving"}, set()),
    ("Soft: Teamwork, Creative Problem Solving, Communication, Learning Mindset", "skills",
     {"teamwork", "problem_solving", "communication"}, set()),
    ("Real-time collaboration features for the shared editor", "projects", set(), {"teamwork"}),
    ("Close collaboration with designers and product managers", "work", {"teamwork"}, set()),
    # --- generic nouns inside names of organisations, courses, papers and awards
    ("Backend Developer, Acme Cloud  Mar 2021 – Present", "work", set(), {"cloud_computing"}),
    ("Backend Engineer, Acme Cloud: migrated 40 services to AWS", "work", {"aws"},
     {"cloud_computing"}),
    ("Platform Engineer @ Acme Cloud", "work", set(), {"cloud_computing"}),
    ("COURSERA | KPCB Fellow + Software Engineering Intern", "work", {"internships"},
     {"online_courses"}),
    ("Software Engineer at Coursera", "work", set(), {"online_courses"}),
    ("Completed the Coursera Machine Learning course", "education", {"online_courses"}, set()),
    ("2013 7th/120 CS 3410 Cache Race Bot Tournament", "awards", set(), {"caching"}),
    ("Thesis: Efficient Neural Architecture Search for Resource-Constrained Deployment",
     "education", set(), {"deployment"}),
    ("4. Scaling Laws for Efficient Inference — Stanford HAI Symposium (2024)", "publications",
     set(), {"scalability"}),
    ("Unix Tools and Scripting", "education", set(), {"automation"}),
    ("Algorithms Analysis (A-), Cloud Computing", "education",
     {"data_structures_algorithms", "cloud_computing"}, set()),
    ("Cloud Migration: moved 40 services to AWS", "work", {"cloud_computing", "aws"}, set()),
    ("Cloud Engineer, Northwind Traders", "work", {"cloud_computing"}, set()),
    ("Deployed on AWS Cloud behind a Redis Cache", "work", {"cloud_computing", "aws", "redis"},
     set()),
    # --- bare generic words need context: a skills list or a word of their field
    ("Skills: Cloud, Docker", "basics", {"cloud_computing", "docker"}, set()),
    ("Migrated on-prem services to the cloud", "work", {"cloud_computing"}, set()),
    ("Redis caching layer for the product API", "work", {"redis", "caching"}, set()),
    ("Added a cache layer in front of the search API", "work", {"caching"}, set()),
    ("Reduced L2 cache misses in the simulator", "projects", set(), {"caching"}),
    ("Built deployment pipelines on AWS", "work", {"ci_cd", "aws"}, set()),
    ("Automated deployments to AWS with Docker", "work", {"deployment", "aws", "docker"},
     set()),
    ("Docker and Kubernetes for deployment and management of applications", "work",
     {"deployment", "docker", "kubernetes"}, set()),
    ("Field deployment with the Army Reserve", "volunteer", set(), {"deployment"}),
    ("Scaling the API to 10k requests per second", "work", {"scalability"}, set()),
    ("Scaling the team from 3 to 12 engineers", "work", set(), {"scalability"}),
    ("Python scripting for nightly backups", "work", {"python", "automation"}, set()),
    ("Home automation hobbyist", "interests", set(), {"automation"}),
    ("Developed reinforcement learning algorithms for multi-agent coordination", "work", set(),
     {"data_structures_algorithms"}),
    ("Implementation of machine learning algorithms for natural language processing", "work",
     set(), {"data_structures_algorithms"}),
    ("Implemented graph algorithms and data structures for route planning", "projects",
     {"data_structures_algorithms"}, set()),
    ("Discovered and fixed 5 bugs in the existing codebase to enhance user experience", "work",
     set(), {"ui_ux"}),
    ("Built recommendation algorithms to enhance user experience", "work", set(),
     {"ui_ux", "data_structures_algorithms"}),
    ("Worked with product managers and UX designers", "work", set(), {"ui_ux"}),
    ("User experience research and wireframes in Figma", "projects", {"ui_ux"}, set()),
    # --- formats and pull requests: what the words really show
    ("RenderCV reads a CV written in a YAML file", "basics", set(), {"json"}),
    ("Exchanged XML and JSON with partner APIs", "work", {"xml", "json"}, set()),
    ("Ran pytest in GitHub Actions on every pull request", "work",
     {"pytest", "github_actions", "git"}, {"code_review"}),
    ("Reviewed pull requests for 6 engineers", "work", {"code_review"}, set()),
    ("Peer review for NeurIPS and ICML", "work", set(), {"code_review"}),
    # --- an operating system's, a driver's or a library's calls are not web APIs
    ("Implemented kernel mode API hooks to watch file access", "work", set(), {"api_development"}),
    ("A unified interface to Portals and Infiniband Verbs API", "projects", set(),
     {"api_development"}),
    ("GSS-API support for the Kerberos login", "work", set(), {"api_development"}),
    ("Designed the public API of the booking service", "work", {"api_development"}, set()),
    ("ASP.NET Web API services for the mobile app", "work", {"aspnet_web_api"}, set()),
    ("Apache Axis, Hibernate, Struts, JDBC", "skills", {"jax_ws"}, set()),
    ("xmlBean, Axis, Hibernate, Struts", "skills", {"jax_ws"}, set()),
    ("Adjusted the X axis of the reporting charts", "work", set(), {"jax_ws"}),
    ("Ran the Mechanical Testing Lab for the foundry", "work", set(), {"testing"}),
    # the association, the employee programme, a place and a project office are not products
    ("Member, Computer Science Society (ACM student chapter)", "volunteer", set(),
     {"aws_certificate_manager"}),
    ("Issued TLS certificates with AWS ACM for CloudFront", "work", {"aws_certificate_manager"}, set()),
    ("Coordinated the EAP referrals for employees", "work", set(), {"x802_1x"}),
    ("Completed the Atlantis Dual Degree Study Abroad Program", "skills", set(), {"atlantis"}),
    ("Delivered programs and projects in managed portfolios", "basics", set(), {"portfolio"}),
    ("Portfolio/Programme/Project Management level", "skills", set(), {"portfolio"}),
    ("Conducted brand testing for Promostaff", "work", set(), {"testing"}),
    ("Did the testing of the billing API with pytest", "work", {"testing"}, set()),
    ("10 hours of one-on-one reading tutoring for state testing", "work", set(), {"testing"}),
    ("Interpreted behavioral testing data from clinic questionnaires", "work", set(), {"testing"}),
    ("Develop adapted curriculum testing materials for pupils", "work", set(), {"testing"}),
    # an acronym the line defines as something else is not the skill
    ("Youth Leader, Appalachian Service Project (ASP)", "volunteer", set(), {"asp"}),
    ("Assessed learning as part of LAMP (Learning Assessment Model Project)", "work", set(),
     {"apache"}),
    ("Ran the shop's LAMP (Linux Apache MySQL PHP) servers", "work", {"apache"}, set()),
    ("Member of the Association for Computing Machinery (ACM)", "volunteer", set(),
     {"aws_certificate_manager"}),
    ("Built pages in Active Server Pages (ASP) and VBScript", "work", {"asp"}, set()),
    ("Hosted the API on Amazon Web Services (AWS)", "work", {"aws"}, set()),
    # a school's Academic Performance Index and an oil's API gravity are no APIs
    ("API growth of 120 points in 4 years, from 700 to 900", "work", set(), {"api_development"}),
    ("Raised the school's API score by 50 points", "work", set(), {"api_development"}),
    ("Measured API gravity of crude samples", "work", set(), {"api_development"}),
    ("Versioned the public API of the booking service", "work", {"api_development"}, set()),
    # "MS" of "MS-Excel" is no state after a city ("Spring, TX")
    ("Git, MS-Excel, Visual Studio", "skills", {"git", "microsoft_excel"}, set()),
    ("Houston office, Spring, TX", "work", set(), {"spring"}),
    # security testing is security work, not a test suite
    ("Practised WPA2, WEP and wireless testing in a home lab", "projects", set(), {"testing"}),
    ("Security testing of the booking web app", "projects", {"web_security"}, {"testing"}),
    ("Wrote regression testing scripts for the API", "work", {"testing"}, set()),
    # JMC / JFR are the JDK's tools only next to Java or profiling words
    ("Maintenance Technician (JMC)", "work", set(), {"java_flight_recorder"}),
    ("Profiled the JVM heap with JFR and JMC", "work", {"java_flight_recorder"}, set()),
    # spellings and names a reviewer reads as these skills
    ("Built the login page with PHP and MySQLi", "projects", {"mysql"}, set()),
    ("Worked with the distributed key-value store of the team", "work", {"nosql"}, set()),
    ("Deployed the demo on Hugging Face Spaces", "projects", {"paas_hosting"}, set()),
    ("Built and open-sourced a fuzzing framework", "projects", {"open_source"}, set()),
    ("Updated inventory data using Express system and Microsoft Excel", "work", set(), {"express"}),
]


@pytest.mark.parametrize(("line", "section", "present", "absent"), CASES,
                         ids=[case[0][:40] for case in CASES])
def test_line(matcher, line, section, present, absent):
    found = {m.skill_id for m in matcher.mentions(line, section)}
    assert present <= found, f"missing {present - found} in {found}"
    assert not absent & found, f"unexpected {absent & found}"


def test_table_is_large_and_every_id_is_real(taxonomy):
    assert len(CASES) >= 60
    for _, _, present, absent in CASES:
        assert present | absent <= set(taxonomy.skills)
