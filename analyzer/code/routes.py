"""REST endpoints and GraphQL APIs, read from route declarations in the code.

:func:`find_endpoints` takes a repository's files (``{path: text}``) and gives one
:class:`~analyzer.code.findings.CodeFinding` per file and kind (signal ``"rest"`` or
``"graphql"``), naming the first declaration's line. What counts as a REST endpoint:

* Python: FastAPI and Flask route decorators (``@app.get("/x")``, ``@bp.route("/x")``); a Flask
  route counts in a file that answers JSON (``jsonify``, a ``dict`` return is not checked) or
  lives in an ``api`` package, since Flask also serves HTML pages; Django ``urls.py`` with a DRF
  router (``router.register``) or views of a file that imports ``rest_framework``; DRF
  ``@api_view`` functions; django-ninja ``@api.get``.
* Java/Kotlin: a ``@RestController`` class (``@Controller`` alone renders pages), JAX-RS ``@Path``.
* JavaScript/TypeScript: Express, Koa, Fastify routers (``router.get('/x', …)``) in a file that
  answers JSON (``res.json``, ``ctx.body``, ``reply.send``) or under an ``api``/``routes`` folder
  with such an answer; NestJS ``@Controller`` classes with ``@Get``/``@Post`` handlers (not ``@Render``).
* Ruby: ``config/routes.rb`` with ``resources`` (Rails' RESTful routes), or verb routes in an
  API app (``namespace :api``/``:v1``, ``ActionController::API``).
* PHP: Laravel ``routes/api.php`` with routes besides the skeleton's own ``/user`` route.
* Go: Gin, Echo, chi and Fiber routes (``r.GET("/x", h)``, ``g.Group("/api")``).
* C#: ``[ApiController]`` classes and minimal APIs (``app.MapGet("/x", …)``).

OpenAPI and Swagger documents are REST evidence by their file kind (``analyzer.code.detectors``).

GraphQL: ``.graphql``/``.graphqls`` schemas with a ``type Query``/``Mutation``, schema
definitions in code (``gql``/``buildSchema``/``typeDefs``), and resolvers (Graphene and
Strawberry types, NestJS ``@Resolver``, Spring ``@QueryMapping`` and Netflix DGS, gqlgen
``*.resolvers.go``, graphql-ruby ``GraphQL::Schema``).

Test files are left out: a route declared in a test shows a test, not an API.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analyzer.code.findings import MAX_SCANNED_BYTES, CodeFinding, extension, find_all, is_source, merge, scanned
from analyzer.code.testsuites import is_test_file

_PY_DECORATOR = re.compile(r"^[ \t]*@\w+(?:\.\w+)*\.(?:get|post|put|patch|delete|api_route|route)\(\s*[\"'fr]",
                           re.M)
_PY_API_VIEW = re.compile(r"^[ \t]*@api_view\(", re.M)
_DRF_IMPORT = re.compile(r"^\s*(?:from|import)\s+rest_framework\b", re.M)
_DRF_ROUTER = re.compile(r"\b\w*router\.register\(", re.I)
_DJANGO_PATH = re.compile(r"^[ \t]*(?:re_)?path\(\s*r?[\"'][^\"']*[\"']\s*,\s*(?:\w+\.)*(\w+)\.as_view\(", re.M)
_JSON_ANSWER_PY = re.compile(r"\bjsonify\(|\bJSONResponse\b|\bmake_response\(\s*\{|\bResponse\(\s*json")
_FASTAPI = re.compile(r"^\s*(?:from|import)\s+(?:fastapi|ninja|starlette|litestar|sanic)\b", re.M)

_SPRING_REST = re.compile(r"^[ \t]*@RestController\b", re.M)
_SPRING_MAPPING = re.compile(r"^[ \t]*@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b", re.M)
_JAXRS = re.compile(r"^[ \t]*@Path\(\s*\"", re.M)

_JS_ROUTE = re.compile(r"\b(?!(?:axios|https?|api|client|request|superagent|instance|fetch|\$)\.)\w+\."
                       r"(?:get|post|put|patch|delete|all)\(\s*[\"'`]/", re.M)  # HTTP clients call, they do not route
_JS_JSON = re.compile(r"\bres\.(?:status\(\s*\d+\s*\)\.)?(?:json|jsonp)\(|\bres\.send\(\s*\{|\bctx\.body\s*="
                      r"|\breply\.(?:code\(\s*\d+\s*\)\.)?send\(")
_NEST_CONTROLLER = re.compile(r"^[ \t]*@Controller\(", re.M)
_NEST_HANDLER = re.compile(r"^[ \t]*@(?:Get|Post|Put|Patch|Delete|All)\(", re.M)
_NEST_RENDER = re.compile(r"^[ \t]*@Render\(", re.M)

_RAILS_RESOURCES = re.compile(r"^[ \t]*resources?\s+:\w+", re.M)
_RAILS_VERB = re.compile(r"^[ \t]*(?:get|post|put|patch|delete|match)\s+['\"]", re.M)
_RAILS_API = re.compile(r"namespace\s+:(?:api|v\d+)\b|\bscope\s+['\"]/?api")
_RAILS_API_APP = re.compile(r"ActionController::API|config\.api_only\s*=\s*true|render\s+json:")

_LARAVEL_ROUTE = re.compile(r"\bRoute::(?:get|post|put|patch|delete|any|match|apiResource|apiResources|resource)\(",
                            re.I)
_LARAVEL_DEFAULT = re.compile(r"Route::middleware\(\s*['\"]auth:(?:sanctum|api)['\"]\s*\)\s*->\s*get\(\s*['\"]/user['\"]")

_GO_ROUTE = re.compile(r"\b\w+\.(?:GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|Group|Route)\(\s*\"/")
_GO_WEB = re.compile(r"\"github\.com/(?:gin-gonic/gin|labstack/echo|go-chi/chi|gofiber/fiber|gorilla/mux)")

_CS_API = re.compile(r"^[ \t]*\[ApiController\]|\bapp\.Map(?:Get|Post|Put|Patch|Delete)\(\s*\"/", re.M)

_GRAPHQL_SDL = re.compile(r"^[ \t]*(?:extend\s+)?(?:type\s+(?:Query|Mutation|Subscription)\b|schema\s*\{)", re.M)
_GRAPHQL_CODE = re.compile(
    r"\bgql\s*`|\bbuildSchema\(|\btypeDefs\b|\bgraphene\.(?:ObjectType|Schema)\b|@strawberry\.type\b"
    r"|^[ \t]*@(?:Resolver\(|(?:Query|Mutation)\(\s*(?:\(\s*\)|\w+)\s*=>|(?:QueryMapping|MutationMapping"
    r"|SchemaMapping|DgsComponent|DgsQuery|DgsData|DgsMutation)\b)|\bGraphQL::Schema\b|\bmakeExecutableSchema\(", re.M)


_GRAPHQL_WORDS = ("gql", "buildschema", "typedefs", "graphene", "strawberry", "resolver", "@query", "@mutation",
                  "mapping", "@dgs", "graphql::schema", "makeexecutableschema")
"""Words (lower case) a GraphQL declaration in code contains: other files skip the regex."""


def find_endpoints(files: Mapping[str, str]) -> list[CodeFinding]:
    """REST and GraphQL declarations in ``files`` (``{path: text}``), one finding per file and kind.

    Returns findings in path order; signal ``"rest"`` (``what``: the framework's route kind) or
    ``"graphql"``. Never raises: text that matches nothing gives nothing.
    """
    drf = any(_DRF_IMPORT.search(text) for path, text in files.items() if path.endswith(".py"))
    api_app = any(_RAILS_API_APP.search(text) for path, text in files.items() if path.endswith(".rb"))
    found: list[CodeFinding | None] = []
    for path, text in scanned(files, lambda p: not is_test_file(p)):
        ext = extension(path)
        name = path.rsplit("/", 1)[-1].lower()
        if ext == "py":
            found += _python(path, text, drf)
        elif ext in {"java", "kt"}:
            if _SPRING_REST.search(text):
                found.append(find_all(path, text, _SPRING_MAPPING, "rest", "Spring REST mapping")
                             or find_all(path, text, _SPRING_REST, "rest", "Spring REST controller"))
            found.append(find_all(path, text, _JAXRS, "rest", "JAX-RS resource"))
        elif ext in {"js", "mjs", "cjs", "ts", "mts", "cts"}:
            found += _javascript(path, text)
        elif path.lower().endswith("config/routes.rb"):
            found += _rails(path, text, api_app)
        elif ext == "php" and re.search(r"(^|/)routes/api\.php$", path):
            declared = len(_LARAVEL_ROUTE.findall(text)) - len(_LARAVEL_DEFAULT.findall(text))
            if declared > 0:
                found.append(find_all(path, text, _LARAVEL_ROUTE, "rest", "Laravel API route"))
        elif ext == "go" and _GO_WEB.search(text):
            found.append(find_all(path, text, _GO_ROUTE, "rest", "Go router route"))
        elif ext == "cs":
            found.append(find_all(path, text, _CS_API, "rest", "ASP.NET Core API"))
        if ext in {"graphql", "graphqls", "gql"}:
            found.append(find_all(path, text, _GRAPHQL_SDL, "graphql", "GraphQL schema"))
        elif ext == "go":
            if name.endswith(".resolvers.go"):
                found.append(CodeFinding("graphql", path, 1, name, "gqlgen resolvers file"))
        elif is_source(path) and any(word in text[:MAX_SCANNED_BYTES].lower() for word in _GRAPHQL_WORDS):
            found.append(find_all(path, text, _GRAPHQL_CODE, "graphql", "GraphQL schema or resolver"))
    return merge(found)


def _python(path: str, text: str, drf: bool) -> list[CodeFinding | None]:
    found: list[CodeFinding | None] = [find_all(path, text, _PY_API_VIEW, "rest", "Django REST framework view")]
    if _PY_DECORATOR.search(text):
        in_api = bool(re.search(r"(^|/)(api|apis|rest|endpoints|routers)(/|\.py$)", path))
        if _FASTAPI.search(text):
            found.append(find_all(path, text, _PY_DECORATOR, "rest", "API route"))
        elif in_api or _JSON_ANSWER_PY.search(text):
            found.append(find_all(path, text, _PY_DECORATOR, "rest", "Flask JSON route"))
    if path.rsplit("/", 1)[-1] == "urls.py":
        found.append(find_all(path, text, _DRF_ROUTER, "rest", "Django REST framework router"))
        if drf:
            found.append(find_all(path, text, _DJANGO_PATH, "rest", "Django REST framework URL"))
    return found


def _javascript(path: str, text: str) -> list[CodeFinding | None]:
    if _NEST_CONTROLLER.search(text) and not _NEST_RENDER.search(text):
        return [find_all(path, text, _NEST_HANDLER, "rest", "NestJS controller route")]
    if _JS_ROUTE.search(text) and _JS_JSON.search(text):
        return [find_all(path, text, _JS_ROUTE, "rest", "Express/Koa/Fastify route")]
    return []


def _rails(path: str, text: str, api_app: bool) -> list[CodeFinding | None]:
    resources = find_all(path, text, _RAILS_RESOURCES, "rest", "Rails RESTful resources")
    if resources:
        return [resources]
    if api_app or _RAILS_API.search(text):
        return [find_all(path, text, _RAILS_VERB, "rest", "Rails API route")]
    return []
