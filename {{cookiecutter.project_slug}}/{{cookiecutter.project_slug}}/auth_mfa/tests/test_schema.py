from drf_spectacular.generators import SchemaGenerator


def test_each_password_login_may_answer_a_challenge(password_strategy):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    login = schema["paths"][f"/api/auth/{password_strategy.name}/login/"]["post"]

    answers = login["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"]

    assert {"$ref": "#/components/schemas/Challenge"} in answers
    assert "/api/auth/mfa/verify/" in schema["paths"]
    assert "mfa" in schema["components"]["schemas"]["Me"]["properties"]
