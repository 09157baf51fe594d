"""Authentication read from the code: hashing calls, JWT, sessions and logins (analyzer/code/authcode.py)."""

from __future__ import annotations

import pytest

from analyzer.code.authcode import find_auth

CASES = [
    ("werkzeug", "app/models.py", "def set_password(self, p):\n    self.h = generate_password_hash(p)\n",
     "password_hashing", 2),
    ("django", "users/services.py", "user.set_password(password)\n", "password_hashing", 1),
    ("passlib", "app/security.py", "pwd_context = CryptContext(schemes=['bcrypt'])\n", "password_hashing", 1),
    ("pwdlib", "app/security.py", "password_hash = PasswordHash((Argon2Hasher(),))\n", "password_hashing", 1),
    ("bcrypt node", "src/auth.service.ts", "const hashed = await bcrypt.hash(password, 10)\n", "password_hashing", 1),
    ("argon2 node", "src/services/auth.ts", "const h = await argon2.hash(pw, { salt })\n", "password_hashing", 1),
    ("spring", "src/SecurityConfig.java", "@Bean\nPasswordEncoder enc() { return new BCryptPasswordEncoder(); }\n",
     "password_hashing", 2),
    ("rails", "app/models/user.rb", "class User < ApplicationRecord\n  has_secure_password\nend\n",
     "password_hashing", 2),
    ("laravel", "app/Models/User.php", "$this->attributes['password'] = Hash::make($value);\n", "password_hashing", 1),
    ("go bcrypt", "util/password.go", "h, err := bcrypt.GenerateFromPassword([]byte(p), bcrypt.DefaultCost)\n",
     "password_hashing", 1),
    ("pyjwt", "app/tokens.py", "import jwt\n\ntoken = jwt.encode(payload, key, algorithm='HS256')\n", "jwt", 3),
    ("jsonwebtoken", "src/token.utils.ts", "return jwt.sign({ id }, secret, { expiresIn: '60d' })\n", "jwt", 1),
    ("nest jwt", "src/auth.service.ts", "return this.jwtService.sign(payload)\n", "jwt", 1),
    ("jjwt", "src/JwtService.java", "return Jwts.builder().setSubject(id).compact();\n", "jwt", 1),
    ("golang-jwt", "token/jwt_maker.go", "t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)\n", "jwt", 1),
    ("ruby jwt", "lib/json_web_token.rb", "JWT.encode(payload, SECRET)\n", "jwt", 1),
    ("fastapi oauth2", "app/deps.py", "oauth2 = OAuth2PasswordBearer(tokenUrl='token')\n", "authentication", 1),
    ("flask-login", "app/__init__.py", "login = LoginManager()\n", "authentication", 1),
    ("express-session", "app.js", "const session = require('express-session')\napp.use(session({ secret }))\n",
     "authentication", 1),
    ("starlette sessions", "app/main.py", "app.add_middleware(SessionMiddleware, secret_key=k)\n", "authentication", 1),
    ("passport", "routes/users.js", "router.post('/login', passport.authenticate('local'))\n", "authentication", 1),
    ("devise", "app/controllers/items_controller.rb", "before_action :authenticate_user!\n", "authentication", 1),
    ("laravel attempt", "app/Http/Controllers/Login.php", "if (Auth::attempt($credentials)) {}\n", "authentication", 1),
]


@pytest.mark.parametrize(("case", "path", "text", "signal", "line"), CASES, ids=[c[0] for c in CASES])
def test_auth_calls_are_found_with_their_line(case, path, text, signal, line):
    found = find_auth({path: text})
    assert [(f.signal, f.path, f.line) for f in found] == [(signal, path, line)]


@pytest.mark.parametrize(("path", "text"), [
    ("config/settings.py", "MIDDLEWARE = ['django.contrib.sessions.middleware.SessionMiddleware']\n"),  # scaffold
    ("tests/test_auth.py", "token = jwt.encode({'id': 1}, 'k')\n"),  # a test signs its fixtures
    ("README.md", "Passwords are hashed with `bcrypt.hash(password, 10)`.\n"),  # documentation
    ("src/crypto.ts", "const digest = createHash('sha256').update(data).digest('hex')\n"),  # not a password hash
])
def test_scaffolds_tests_and_documentation_are_not_auth_code(path, text):
    assert find_auth({path: text}) == []
