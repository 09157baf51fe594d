"""REST endpoints and GraphQL read from route declarations (analyzer/code/routes.py).

Each case is a tiny repository written as ``{path: text}``: the route style that counts beside
the look-alike that must not (an HTML page route, a test, the framework's skeleton).
"""

from __future__ import annotations

import pytest

from analyzer.code.routes import find_endpoints

DRF_VIEW = "from rest_framework.views import APIView\n\nclass ItemApi(APIView):\n    pass\n"

REST_CASES = [
    ("fastapi", {"app/main.py": "from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get('/items')\n"
                                "def items():\n    return []\n"}, "app/main.py", 4),
    ("flask json", {"app/views.py": "from flask import jsonify\n\n@bp.route('/users', methods=['GET'])\n"
                                    "def users():\n    return jsonify([])\n"}, "app/views.py", 3),
    ("flask api package", {"app/api/users.py": "@bp.route('/users')\ndef users():\n    return {}\n"},
     "app/api/users.py", 1),
    ("django drf router", {"api/urls.py": "router = DefaultRouter()\nrouter.register('items', ItemViewSet)\n"},
     "api/urls.py", 2),
    ("django drf views", {"items/apis.py": DRF_VIEW,
                          "items/urls.py": "urlpatterns = [\n    path('items/', ItemApi.as_view()),\n]\n"},
     "items/urls.py", 2),
    ("drf api_view", {"items/views.py": "from rest_framework.decorators import api_view\n\n@api_view(['GET'])\n"
                                        "def items(request):\n    pass\n"}, "items/views.py", 3),
    ("spring rest controller", {"src/ItemController.java": "@RestController\n@RequestMapping(\"/items\")\n"
                                                           "class ItemController {\n  @GetMapping\n  List<Item> all() {}\n}\n"},
     "src/ItemController.java", 2),
    ("jax-rs", {"src/ItemResource.java": "@Path(\"/items\")\npublic class ItemResource {\n  @GET\n}\n"},
     "src/ItemResource.java", 1),
    ("express", {"src/routes/items.js": "const router = express.Router()\n"
                                        "router.get('/items', (req, res) => res.json([]))\n"}, "src/routes/items.js", 2),
    ("koa", {"src/router.ts": "router.post('/items', async (ctx) => {\n  ctx.body = { ok: true }\n})\n"},
     "src/router.ts", 1),
    ("nest controller", {"src/items.controller.ts": "@Controller('items')\nexport class ItemsController {\n"
                                                    "  @Get()\n  findAll() { return [] }\n}\n"},
     "src/items.controller.ts", 3),
    ("rails resources", {"config/routes.rb": "Rails.application.routes.draw do\n  resources :articles\nend\n"},
     "config/routes.rb", 2),
    ("rails api verbs", {"config/routes.rb": "Rails.application.routes.draw do\n  namespace :v1 do\n"
                                             "    get '/breweries', to: 'breweries#index'\n  end\nend\n"},
     "config/routes.rb", 3),
    ("laravel api", {"routes/api.php": "<?php\nRoute::get('ping', 'PingController@index');\n"
                                       "Route::apiResource('items', ItemController::class);\n"}, "routes/api.php", 2),
    ("gin", {"api/server.go": "import \"github.com/gin-gonic/gin\"\n\nfunc routes(router *gin.Engine) {\n"
                              "\trouter.POST(\"/users\", createUser)\n}\n"}, "api/server.go", 4),
    ("chi", {"main.go": "import \"github.com/go-chi/chi/v5\"\n\nfunc main() {\n\tr.Get(\"/items\", list)\n}\n"},
     "main.go", 4),
    ("aspnet core", {"Controllers/ItemsController.cs": "[ApiController]\n[Route(\"items\")]\npublic class ItemsController {}\n"},
     "Controllers/ItemsController.cs", 1),
]


@pytest.mark.parametrize(("style", "files", "path", "line"), REST_CASES, ids=[c[0] for c in REST_CASES])
def test_each_route_style_is_rest_with_its_file_and_line(style, files, path, line):
    found = [f for f in find_endpoints(files) if f.signal == "rest"]
    assert [(f.path, f.line) for f in found] == [(path, line)]
    assert f"at line {line}" in found[0].describe() and found[0].path == path


NOT_REST = [
    ("flask html page", {"app/main/routes.py": "@bp.route('/')\ndef index():\n    return render_template('i.html')\n"}),
    ("django without drf", {"blog/urls.py": "urlpatterns = [path('', PostList.as_view())]\n"}),
    ("spring page controller", {"src/OwnerController.java": "@Controller\nclass OwnerController {\n"
                                                            "  @GetMapping(\"/owners\")\n  String list() {}\n}\n"}),
    ("express html page", {"routes/index.js": "router.get('/', (req, res) => res.render('welcome'))\n"}),
    ("nest page", {"src/app.controller.ts": "@Controller()\nexport class App {\n  @Get()\n  @Render('index')\n"
                                            "  root() {}\n}\n"}),
    ("rails html verbs", {"config/routes.rb": "Rails.application.routes.draw do\n  get '/about', to: 'pages#about'\nend\n"}),
    ("laravel skeleton", {"routes/api.php": "<?php\nRoute::middleware('auth:sanctum')->get('/user', function ($r) {\n"
                                            "    return $r->user();\n});\n"}),
    ("go without a router", {"main.go": "func main() {\n\tr.GET(\"/x\", h)\n}\n"}),
    ("route in a test", {"tests/test_api.py": "from fastapi import FastAPI\n\n@app.get('/ping')\ndef ping():\n    pass\n"}),
    ("route in the README", {"README.md": "```python\nfrom fastapi import FastAPI\n@app.get('/')\n```\n"}),
    ("axios call in a frontend", {"src/api.ts": "axios.get('/items').then(r => r.data.json({}))\n"}),
]


@pytest.mark.parametrize(("case", "files"), NOT_REST, ids=[c[0] for c in NOT_REST])
def test_look_alikes_are_not_rest(case, files):
    assert [f for f in find_endpoints(files) if f.signal == "rest"] == []


GRAPHQL_CASES = [
    ("schema file", {"schema/schema.graphqls": "scalar DateTime\n\ntype Query {\n  article(slug: String!): Article\n}\n"}, 3),
    ("apollo typeDefs", {"src/schema.js": "const { gql } = require('apollo-server')\nconst typeDefs = gql`\n"
                                          "  type Query { hello: String }\n`\n"}, 2),
    ("graphene", {"app/schema.py": "import graphene\n\nclass Query(graphene.ObjectType):\n    hello = graphene.String()\n"}, 3),
    ("nest resolver", {"src/recipes.resolver.ts": "@Resolver(() => Recipe)\nexport class RecipesResolver {\n"
                                                  "  @Query(() => [Recipe])\n  recipes() {}\n}\n"}, 1),
    ("netflix dgs", {"src/ArticleDatafetcher.java": "@DgsComponent\npublic class ArticleDatafetcher {\n"
                                                    "  @DgsQuery\n  public Article article() {}\n}\n"}, 1),
    ("gqlgen", {"graph/schema.resolvers.go": "package graph\n"}, 1),
]


@pytest.mark.parametrize(("case", "files", "line"), GRAPHQL_CASES, ids=[c[0] for c in GRAPHQL_CASES])
def test_graphql_schemas_and_resolvers(case, files, line):
    found = [f for f in find_endpoints(files) if f.signal == "graphql"]
    assert len(found) == 1 and found[0].line == line


def test_nest_query_parameters_are_not_graphql():
    files = {"src/items.controller.ts": "@Controller('items')\nclass C {\n  @Get()\n  find(\n    @Query() q: Q,\n  ) {}\n}\n"}
    assert [f.signal for f in find_endpoints(files)] == ["rest"]


def test_counts_every_declaration_of_a_file_once():
    files = {"app/main.py": "from fastapi import FastAPI\n" + "".join(f"@app.get('/r{i}')\ndef r{i}():\n    pass\n"
                                                                       for i in range(5))}
    (finding,) = find_endpoints(files)
    assert finding.count == 5 and finding.line == 2 and "5 in the file" in finding.describe()
