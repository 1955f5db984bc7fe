"""The domain rules one by one, on sentences written in the ways news and minutes put them."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from transforms.findings import classify_theme, lead_in_kind, list_findings, prose_findings, with_implicit_lists
from transforms.grades import normalise_grade
from transforms.inspections import inspection_claims, ofsted_framework
from transforms.metrics import metric_claims
from transforms.quotes import quotations, split_role
from transforms.ratings import rating_claims
from transforms.text import sentences


@pytest.mark.parametrize("label, grade", [
    ("Requires improvement to be good", "requires_improvement"),
    ("requires improvement", "requires_improvement"),
    ("adequate", "requires_improvement"),
    ("Inadequate", "inadequate"),
    ("'Good'", "good"),
    ("performs excellently", "outstanding"),
    ("poor", "inadequate"),
    ("satisfactory-ish", None),
])
def test_grade_vocabulary(label, grade):
    assert normalise_grade(label) == grade


@pytest.mark.parametrize("sentence, expected", [
    ("Ofsted has rated the authority good.", [("overall_effectiveness", "good", None, False)]),
    ("The impact of leaders was rated as outstanding while help and protection was rated as good.",
     [("leadership", "outstanding", None, False), ("help_and_protection", "good", None, False)]),
    ("Children in care and care leavers were rated as good, contributing to an overall effectiveness 'good' grade.",
     [("children_in_care_and_care_leavers", "good", None, False), ("overall_effectiveness", "good", None, False)]),
    ("The effectiveness of the Local Safeguarding Children Board (LSCB) requires improvement.",
     [("lscb", "requires_improvement", None, False)]),
    ("The effectiveness of the LSCB is inadequate.", [("lscb", "inadequate", None, False)]),
    ("Children's services in Brent require improvement to be good.",
     [("overall_effectiveness", "requires_improvement", None, False)]),
    ("Care leavers have done well - the department was rated requires improvement in 2014 - and more.",
     [("overall_effectiveness", "requires_improvement", 2014, False)]),
    ("It followed the previous 'requires improvement' judgement given to the service.",
     [("overall_effectiveness", "requires_improvement", None, True)]),
    ("The council needs to improve to receive a good rating.", []),
    ("Officers said the service could not yet be considered to be good.", []),
    ("References to 'good' did not represent an overall judgement on the service.", []),
    ("The audit was an outstanding action.", []),
    ("The ratio would ensure adequate supervision.", []),
    ("Staff who consistently had inadequate cases would be identified.", []),
    ("Hillingdon was rated outstanding, up from good at its previous inspection in 2018.",
     [("overall_effectiveness", "outstanding", None, False), ("overall_effectiveness", "good", 2018, True)]),
    ("Its children's services have improved from requires improvement to good.",
     [("overall_effectiveness", "requires_improvement", None, True), ("overall_effectiveness", "good", None, False)]),
    ("The council was downgraded to inadequate.", [("overall_effectiveness", "inadequate", None, False)]),
    ("Ofsted has rated Hillingdon Council's children's services good.",
     [("overall_effectiveness", "good", None, False)]),
    ("Inspectors found that social workers showed poor judgement when assessing risk.", []),
    ("A children's home run by the council was rated inadequate by Ofsted.", []),
    ("Nationally, 60 per cent of councils are now rated good or outstanding.", []),
    ("Schools in the borough were rated good.", []),
    ("Services have improved since the previous inspection as Ofsted has rated the authority good.",
     [("overall_effectiveness", "good", None, False)]),
    ("Torbay, which was rated requires improvement in 2015, was judged inadequate after the visit.",
     [("overall_effectiveness", "requires_improvement", 2015, False), ("overall_effectiveness", "inadequate", None,
                                                                       False)]),
    ("In 2012, an inspection of safeguarding and looked after children services judged both good.",
     [("safeguarding", "good", 2012, False), ("children_in_care", "good", 2012, False)]),
    ("The impact of leaders, the experiences and progress of children who need help and protection, and those of "
     "children in care were all judged inadequate.",
     [("leadership", "inadequate", None, False), ("help_and_protection", "inadequate", None, False),
      ("children_in_care", "inadequate", None, False)]),
])
def test_rating_claims(sentence, expected):
    verdicts = [c for c in rating_claims(sentence) if c.status != "hypothetical"]  # hopes and negations: no verdict
    assert [(c.judgement, c.grade, c.year, c.is_historical) for c in verdicts] == expected


@pytest.mark.parametrize("lead_in, kind", [
    ("The inspectors found a number of key strengths of the service, including:", "strength"),
    ("But this did not translate into outcomes because of:", "weakness"),
    ("Among the areas where the council needs to improve to receive a good rating, are:", "weakness"),
    ("What needs to improve:", "recommendation"),
    ("The council should:", "recommendation"),
    ("For children in care, Ofsted noted:", None),
])
def test_lead_in_kind(lead_in, kind):
    assert lead_in_kind(lead_in) == kind


@pytest.mark.parametrize("text, theme", [
    ("Caseloads are manageable", "caseloads"),
    ("Return home interviews are not timely when children go missing", "exploitation_missing"),
    ("A ready supply of adopters", "adoption"),
    ("Pathway plans for care leavers are reviewed", "care_leavers"),
    ("Thresholds are understood by partners making referrals", "front_door"),
    ("Something nobody categorised", "other"),
])
def test_themes(text, theme):
    assert classify_theme(text) == theme


def test_list_findings_use_lead_in_and_item_tone():
    blocks = [
        Block("paragraph", "Inspectors highlighted that:"),
        Block("list_item", "Assessments are timely.", list_id=1),
        Block("list_item", "Plans are clear.", list_id=1),
        Block("paragraph", "Ofsted noted:"),
        Block("list_item", "Care plans are a considerable strength.", list_id=2),
        Block("list_item", "Supervision is not always recorded.", list_id=2),
        Block("list_item", "Meetings take place monthly.", list_id=2),
        Block("paragraph", "Related links"),
        Block("list_item", "Another story entirely", list_id=3),
    ]
    found = [(f.kind, f.text) for f in list_findings(blocks)]
    assert found == [
        ("strength", "Assessments are timely."),
        ("strength", "Plans are clear."),
        ("strength", "Care plans are a considerable strength."),
        ("weakness", "Supervision is not always recorded."),
    ]


def test_implicit_lists_after_a_colon():
    blocks = [Block("paragraph", "The council had a good framework in place including:"),
              Block("paragraph", "Quantitative management information"),
              Block("paragraph", "An active corporate parenting strategy"),
              Block("paragraph", "But this did not translate into outcomes because of:"),
              Block("paragraph", "An unchallenging management culture"),
              Block("paragraph", "This is a long closing paragraph. It has two sentences and is not a list item.")]
    found = [(f.kind, f.text) for f in list_findings(with_implicit_lists(blocks))]
    assert found == [("strength", "Quantitative management information"),
                     ("strength", "An active corporate parenting strategy"),
                     ("weakness", "An unchallenging management culture")]


def test_prose_findings_skip_quoted_speech():
    blocks = [
        Block("paragraph", "Inspectors noted that supervision was inconsistent and records were not up to date."),
        Block("paragraph", "For practice to improve, Hillingdon should focus on strategy discussions and should "
                           "improve return home interviews."),
        Block("paragraph", "“We're pleased that inspectors highlighted good practice and praised our staff,” "
                           "said the cabinet member."),
    ]
    found = [(f.kind, f.theme) for f in prose_findings(blocks)]
    assert found == [("weakness", "supervision"), ("recommendation", "front_door"),
                     ("recommendation", "exploitation_missing")]


def test_quotations_attribution_forms():
    blocks = [
        Block("paragraph", "A report found shortcomings and SSI chief inspector Denise Platt said: 'I am extremely "
                           "concerned about decision making.'"),
        Block("paragraph", "Jane Doe-Smith, director of children's services at Anytown Council, said: “We accept "
                           "the findings in full."),
        Block("paragraph", "“We will act on every recommendation quickly.”"),
        Block("paragraph", "“Leaders know their services well,” said the report."),
        Block("paragraph", "Ms Doe-Smith added: “Children come first.”"),
    ]
    found = [(q.speaker, q.role, q.organisation, q.text) for q in quotations(blocks)]
    assert found == [
        ("Denise Platt", "chief inspector", "Social Services Inspectorate", "I am extremely concerned about decision "
                                                                           "making."),
        ("Jane Doe-Smith", "director of children's services", "Anytown Council",
         "We accept the findings in full. We will act on every recommendation quickly."),
        ("Jane Doe-Smith", "director of children's services", "Anytown Council", "Children come first."),
    ]


@pytest.mark.parametrize("role, expected", [
    ("head of housing at the Local Government Association", ("head of housing", "Local Government Association")),
    ("Haringey Council cabinet member for children", ("cabinet member for children", "Haringey Council")),
    ("SSI chief inspector", ("chief inspector", "Social Services Inspectorate")),
    ("Social services director", ("Social services director", None)),
])
def test_split_role(role, expected):
    assert split_role(role) == expected


def test_metrics_comparisons_continuations_and_projections():
    text = ("At 31 March 2013, 1,758 children had been identified as in need. This is a reduction from 2,200 at "
            "31 March 2012. The average for completed care cases was 34 weeks, down from 57 weeks in 2013/14. "
            "From April 2015 the average care case was projected to finish within 25 weeks. A baseline of 18% for "
            "assessments that met 'good' standards was set in May 2014. By September 2014, this figure had reached "
            "90%.")
    found = [(m.name, m.value, m.as_of, m.period) for m in metric_claims(sentences(text), date(2015, 3, 17))]
    assert found == [
        ("children_in_need", 1758.0, date(2013, 3, 31), None),
        ("children_in_need", 2200.0, date(2012, 3, 31), None),
        ("care_proceedings_weeks", 34.0, date(2015, 3, 17), None),
        ("care_proceedings_weeks", 57.0, None, "2013/14"),
        ("assessments_good_percent", 18.0, None, "2014-05"),
        ("assessments_good_percent", 90.0, None, "2014-09"),
    ]


@pytest.mark.parametrize("sentence, expected", [
    ("In January a joint inspection by Ofsted, the CQC and the police and probation inspectorates criticised it.",
     ("joint", "jtai", 2018, 1)),
    ("Officers reported on the Ofsted inspection in December 2013.", ("ofsted", "sif", 2013, 12)),
    ("The Social Services Inspectorate inspected the council again.", ("ssi", "ssi", 2018, None)),
    ("Inspectors visited in October and November 2018.", ("ofsted", "ilacs_standard", 2018, 10)),
    ("Ofsted carried out a focused visit in March.", ("ofsted", "focused_visit", 2018, 3)),
])
def test_inspection_claims(sentence, expected):
    claims = inspection_claims([sentence], date(2018, 12, 17))
    assert [(c.inspectorate, c.framework, c.year, c.month) for c in claims] == [expected]


@pytest.mark.parametrize("when, framework", [
    (date(2023, 5, 1), "ilacs_standard"), (date(2015, 1, 1), "sif"), (date(2011, 1, 1), "safeguarding_la"),
    (date(2007, 1, 1), "jar"), (date(2001, 1, 1), "ssi"),
])
def test_ofsted_framework_by_date(when, framework):
    assert ofsted_framework(when) == framework


def test_sentences_keep_abbreviations():
    assert sentences("Cllr. Sweeting spoke. Mr Ransford agreed. It ended.") == [
        "Cllr. Sweeting spoke.", "Mr Ransford agreed.", "It ended."]
