"""QML helpers: a categorized style cut down to the categories a run produced."""
from ecosecurity.core.io.qml import keep_categories

STYLE = """<renderer-v2 type="categorizedSymbol" attr="level">
    <categories>
      <category value="1" symbol="0" label="Level 1" render="true"/>
      <category value="2" symbol="1" label="Level 2" render="true"/>
      <category value="3" symbol="2" label="Level 3" render="true"/>
      <category value="10" symbol="3" label="Level 10" render="true"/>
    </categories>
    <symbols><symbol name="0"/><symbol name="1"/><symbol name="2"/><symbol name="3"/></symbols>
"""


def test_keeps_only_the_listed_categories_and_everything_else():
    text = keep_categories(STYLE, range(1, 3))
    assert 'label="Level 1"' in text and 'label="Level 2"' in text
    assert 'label="Level 3"' not in text and 'label="Level 10"' not in text
    assert text.count("<symbol name=") == 4 and "<categories>\n      <category" in text
    assert keep_categories(STYLE, [1, 2, 3, 10]) == STYLE


def test_value_one_does_not_keep_value_ten():
    assert 'value="10"' not in keep_categories(STYLE, [1])
