from rewriter import detect


def test_rule_finding_has_span_category_rule_and_suggestion():
    text = "Thanks for waiting. Unfortunately the red dress is out of stock."
    [finding] = detect(text, lang="en")
    assert finding.category == "out_of_stock"
    assert finding.rule == "out_of_stock.item_out_of_stock"
    assert text[finding.start:finding.end] == finding.text == "the red dress is out of stock"
    assert finding.severity == "warning"
    assert finding.suggestion and "red dress" in finding.suggestion


def test_bare_negation_without_a_rule_is_a_suggestion_without_rewrite():
    findings = detect("The form is not signed yet.", lang="en")
    assert [f.category for f in findings] == ["negation"]
    assert findings[0].severity == "suggestion"
    assert findings[0].text == "not"
    assert findings[0].suggestion is None


def test_positive_text_has_no_findings():
    assert detect("Thanks for your patience, I'll send the replacement today.", lang="en") == []


def test_findings_in_several_sentences_point_into_the_original_text():
    text = "<p>Hi {{name}}!</p><p>The blue mug is sold out. The form is not signed.</p>"
    findings = detect(text, lang="en")
    assert [text[f.start:f.end] for f in findings] == ["The blue mug is sold out", "not"]


def test_negation_inside_placeholders_and_tags_is_not_a_finding():
    assert detect("Hello {{not_a_word}}, <span class=\"no\">thanks</span>", lang="en") == []


def test_an_insurance_policy_named_by_its_number_is_no_wall():
    # "policy" as a wall is discouraged; "policy PV-448201" is the customer's cover
    assert detect("Your claim under policy PV-448201 is being reviewed.", lang="en") == []
    assert detect("I checked with the team and that's company policy.", lang="en")
