"""Authentication in the code: password hashing calls, JWT encoding and decoding, sessions and logins.

A package in a manifest says a library is installed; these calls say the application uses it.
:func:`find_auth` gives one :class:`~analyzer.code.findings.CodeFinding` per file and signal:

* ``password_hashing``: bcrypt, argon2, scrypt and PBKDF2 calls, Werkzeug
  ``generate_password_hash``, Django ``make_password``/``set_password``, passlib
  ``CryptContext``, pwdlib ``PasswordHash``, Spring ``PasswordEncoder``, Rails ``has_secure_password``, Laravel
  ``Hash::make``, PHP ``password_hash``, Go ``bcrypt.GenerateFromPassword``, .NET ``PasswordHasher``;
* ``jwt``: tokens signed or verified (``jwt.encode``/``jwt.decode``, ``jwt.sign``/``jwt.verify``,
  ``jwtService.sign``, ``Jwts.builder()``, ``jwt.NewWithClaims``, ``JWT.encode``, ``JWT::decode``,
  ``create_access_token``, ``JwtSecurityTokenHandler``, ``AddJwtBearer``);
* ``authentication``: session middleware and login code (``express-session``, Starlette
  ``add_middleware(SessionMiddleware)`` (Django's default middleware list is the scaffold's, not the author's), Flask-Login ``LoginManager``/``login_user``, Django ``authenticate``/``login``,
  ``passport.authenticate``, Devise ``authenticate_user!``, Laravel ``Auth::attempt``,
  FastAPI ``OAuth2PasswordBearer``, Spring ``SecurityFilterChain``, ASP.NET ``AddAuthentication``).

Only programming-language files are read, tests and documentation left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analyzer.code.findings import MAX_SCANNED_BYTES, CodeFinding, find_all, is_source, merge, scanned
from analyzer.code.testsuites import is_test_file

# Words one of a rule's calls must contain (lower case): a file without any skips the rule's regex,
# which keeps reading a whole folder fast.
_KEYWORDS = {
    "password_hashing": ("password", "bcrypt", "argon2", "crypt", "hash::", "pbkdf2", "passwordhash"),
    "jwt": ("jwt", "jsonwebtoken", "_token(", "refreshtoken"),
    "authentication": ("session", "login", "authenticat", "auth::", "auth()", "oauth2passwordbearer", "httpbasic",
                       "securityfilterchain", "nextauth"),
}
_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("password_hashing", "password hashing call", re.compile(
        r"\bgenerate_password_hash\(|\bcheck_password_hash\(|\bmake_password\(|\.set_password\("
        r"|\bbcrypt\.(?:hashpw|checkpw|gensalt|hash|hashSync|compare|compareSync|genSalt|GenerateFromPassword"
        r"|CompareHashAndPassword)\(|\bCryptContext\(|\bPasswordHash(?:\(\s*\(|\.recommended\()"
        r"|\bpwd_context\.(?:hash|verify)\(|\bPasswordHasher\b"
        r"|\bargon2\.(?:hash|verify|IDKey|Key)\(|\bcrypto\.(?:scrypt|scryptSync|pbkdf2|pbkdf2Sync)\("
        r"|\bhashlib\.(?:pbkdf2_hmac|scrypt)\(|\b(?:BCrypt|Argon2|Pbkdf2|SCrypt)PasswordEncoder\b"
        r"|\bpasswordEncoder\.(?:encode|matches)\(|\bBCrypt\.(?:hashpw|HashPassword|Verify|EnhancedHashPassword)\("
        r"|\bhas_secure_password\b|\bBCrypt::Password\.(?:create|new)\b|\bHash::(?:make|check)\("
        r"|\bpassword_(?:hash|verify)\(|\bbcrypt::(?:hash|verify)\b|\bArgon2::default\(\)")),
    ("jwt", "JWT signed or verified", re.compile(
        r"\bjwt\.(?:encode|decode|sign|verify|NewWithClaims|Parse|ParseWithClaims)\(|\bjwtService\.(?:sign|signAsync"
        r"|verify|verifyAsync)\(|\bJwts\.(?:builder|parser|parserBuilder)\(|\bJWT\.(?:encode|decode|create|require)\("
        r"|\bJWT::(?:encode|decode)\(|\bJWTAuth::|(?<!def )\bcreate_(?:access|refresh)_token\(|\bJwtSecurityTokenHandler\b"
        r"|\bAddJwtBearer\(|\bnew SignJWT\(|\bjwtVerify\(|\bjsonwebtoken::(?:encode|decode)\b"
        r"|\bRefreshToken\.for_user\(|\bexpressjwt\(|\bjwt_required\b|@jwt_required\b")),
    ("authentication", "session or login code", re.compile(
        r"\brequire\(\s*[\"']express-session[\"']\s*\)|\bfrom\s+[\"']express-session[\"']|\badd_middleware\(\s*SessionMiddleware\b"
        r"|\bLoginManager\(|\blogin_user\(|\bauth\.authenticate\(|\bdjango\.contrib\.auth\s+import\s+[^\n]*\b(?:authenticate|login)\b"
        r"|\bpassport\.authenticate\(|\bauthenticate_user!|\bAuth::attempt\(|\bauth\(\)->attempt\("
        r"|\bOAuth2PasswordBearer\(|\bHTTPBasicCredentials\b|\bSecurityFilterChain\b|\bAddAuthentication\("
        r"|\bsession\.(?:Sessions|Default)\(|\bgetServerSession\(|\bNextAuth\(")),
)


def find_auth(files: Mapping[str, str]) -> list[CodeFinding]:
    """Password hashing, JWT and session/login code in ``files`` (``{path: text}``).

    Returns one finding per (signal, file) in path order; never raises.
    """
    found: list[CodeFinding | None] = []
    for path, text in scanned(files, lambda p: is_source(p) and not is_test_file(p)):
        lower = text[:MAX_SCANNED_BYTES].lower()
        for signal, what, pattern in _RULES:
            if any(word in lower for word in _KEYWORDS[signal]):
                found.append(find_all(path, text, pattern, signal, what))
    return merge(found)
