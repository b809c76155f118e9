import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from jajoin import ja_join
from nbtool import code, write
from nbtool import md as _md


def md(en, ja):
    return _md(en, ja_join(ja))


cells = [
    md(
        """
# Lesson 3 · What each party demands

After the Riyadh meeting, each side set out what it wants. In this lesson you compare the demands of
the United States, Russia, Ukraine, the EU and five European governments, and the host Saudi Arabia,
issue by issue. Every party is shown with the **same kind of card**: its demand, a neutral summary, its
own words, what it could accept (an estimate), how its position changed, and the sources.

Run the cell below to see the lesson's objectives, plan and key words.
""",
        """
# レッスン3　各当事者は何を求めているのか

リヤドでの会合の後、各当事者は自らの要求を示しました。このレッスンでは、米国・ロシア・ウクライナ・EU、
欧州の5か国、そして開催国サウジアラビアの要求を、争点ごとに比べます。どの当事者も**同じ形式のカード**で
表示されます。要求、中立的な要約、本人の言葉、受け入れうる範囲（推定）、立場の変化、出典です。

下のセルを実行して、このレッスンの目標・授業の流れ・重要な用語を確認しましょう。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "03", lang=LANG)'),
    md(
        """
## 1. The map of demands

The chart places four parties on five issues. In each panel the options run from one end of the
scale to the other. Read the key under the chart:

- a **filled** marker is a position the party has stated; an **open** marker is the course's reading of
  its actions; **×** means no public position; the words *(not recorded)* mean the course has no record for that party and date;
- the **grey bar** shows what the party could accept: an analytical estimate, not its own words.

Hover over a marker to read the summary. On which issue are the parties farthest apart? Where do
any grey bars overlap?
""",
        """
## 1. 要求の全体像

下の図は、4つの当事者の5つの争点についての立場を示しています。各段では、選択肢が一方の端から
もう一方の端へと並んでいます。図の下の凡例を読みましょう。

- **塗りつぶし**の印は当事者が表明した立場、**白抜き**の印は教材が行動から読み取った立場、「×」は公の立場がないこと、「（記録なし）」はその時点の記録が教材にないことを示します。
- **灰色の帯**は、その当事者が受け入れうる範囲です。本人の言葉ではなく、分析上の推定です。

印にマウスを重ねると要約が表示されます。当事者どうしの立場がいちばん離れているのはどの争点でしょうか。
灰色の帯が重なっているところはありますか。
""",
    ),
    code(
        'issues = ["territory", "nato", "guarantees", "troops", "sequencing"]\n'
        'lk.stance_matrix(course, parties=["us", "ru", "ua", "eu"], issues=issues, lang=LANG)'
    ),
    md(
        """
## 2. The United States, Russia and Ukraine, card by card

The cards below show the three main parties on territory, NATO and security guarantees. Each card
has the same fields in the same order. For each party, find:

1. its **demand** and whether it is stated or read from its actions;
2. its own words (**In their words**), with who said it and when;
3. what it **could accept**, and the basis given for that estimate.

Then use the **Issues** list to add other issues, for example *Foreign troops in Ukraine* or *Who
takes part in negotiations*.
""",
        """
## 2. 米国・ロシア・ウクライナの立場をカードで比べる

下のカードは、3つの主な当事者の、領土、NATO加盟、安全の保証についての立場です。どのカードも
同じ項目が同じ順に並んでいます。当事者ごとに、次のことを探しましょう。

1. **要求**は何か。それは本人が表明したものか、行動から読み取ったものか。
2. **本人の言葉**：誰が、いつ言ったのか。
3. **受け入れうる範囲**はどこまでか。その推定の根拠は何か。

次に、**争点**の一覧からほかの争点（「ウクライナへの外国部隊の駐留」や「交渉の参加者」など）も加えてみましょう。
""",
    ),
    code(
        'lk.StanceComparison(course, parties=["us", "ru", "ua"], issues=["territory", "nato", "guarantees"], lang=LANG)'
    ),
    md(
        """
## 3. Europe: one voice or many?

The EU has no army of its own: whether to send troops is decided by each member government (read the
EU's card). The chart and cards below show the EU and five European
governments on foreign troops in Ukraine; the cards add security guarantees.

- On which issue do the European governments agree? On which do they differ?
- Which cards say **no public position**, and what does the summary say instead?
""",
        """
## 3. 欧州：1つの声か、いくつもの声か

EUは独自の軍を持たず、部隊を送るかどうかは各加盟国の政府が決めます（EUのカードを読みましょう）。
下の図は、EUと欧州の5か国の、ウクライナへの外国部隊の駐留についての立場です。その下のカードでは、安全の保証についての立場もあわせて示します。

- 欧州各国の立場が一致しているのはどの争点ですか。異なっているのはどの争点ですか。
- **公の立場なし**となっているのはどのカードですか。そのかわりに要約には何が書かれていますか。
""",
    ),
    code(
        'europe = ["eu", "de", "fr", "uk", "pl", "it"]\n'
        'lk.stance_matrix(course, parties=europe, issues=["troops"], lang=LANG)'
    ),
    code('lk.StanceComparison(course, parties=europe, issues=["troops", "guarantees"], lang=LANG)'),
    md(
        """
## 4. The host and other outside powers

Saudi Arabia hosted the Riyadh meeting. Compare its cards with those of Turkey, which offered to host
talks, and China, which commented on them.

- Which of the three has stated a position on territory?
- Why might a host choose to keep **no public position** on the terms of a deal?
""",
        """
## 4. 開催国とその他の国々

リヤドでの会合の開催国はサウジアラビアでした。協議の開催を申し出たトルコ、協議についてコメントした
中国のカードと比べてみましょう。

- 3か国のうち、領土について立場を表明しているのはどの国ですか。
- 開催国が合意の中身について**公の立場なし**を保つのはなぜだと考えられますか。
""",
    ),
    code('lk.StanceComparison(course, parties=["sa", "tr", "cn"], issues=["territory", "participation"], lang=LANG)'),
    md(
        """
## 5. How the US position changed

A party's position can change. The US cards below list every recorded position under **Position
changed**, oldest first. Read the history on territory and on whether a ceasefire should come first.

Then compare the chart below, which shows the same parties **as of 30 September 2025**, with the chart at the
top of the lesson (as of the course's date). Which markers moved, and whose did not?
""",
        """
## 5. 米国の立場はどう変わったか

当事者の立場は変わることがあります。下の米国のカードの**立場の変化**には、記録されたすべての立場が
古い順に並んでいます。領土と、停戦を先にするかどうかについての変化を読みましょう。

次に、その下の図（**2025年9月30日時点**の立場）を、レッスンの最初の図（教材の基準日時点）と比べましょう。
どの印が動き、どの当事者の印は動いていないでしょうか。
""",
    ),
    code('lk.StanceComparison(course, parties=["us"], issues=["territory", "sequencing"], lang=LANG)'),
    code(
        'lk.stance_matrix(course, parties=["us", "ru", "ua", "eu"], issues=["territory", "sequencing"],\n'
        '                 as_of="2025-09-30", lang=LANG)'
    ),
    md(
        """
## 6. Group work (gallery walk): explain one party's demands

Your teacher gives each group one party: the United States, Russia, Ukraine, the EU, the United
Kingdom and France, Germany, Poland and Italy, or Saudi Arabia. In the widget below, choose **only your
party** in the Parties list (all issues are shown when none is picked). In about 5 minutes, make a poster
or a shared slide that answers the points below; then walk round for about 4 minutes, read the other
groups' posters and note one question for each:

1. Its demands on two or three issues, **in your own words**.
2. One quotation from its card (**In their words**): who said it, and when.
3. What it could accept, and why the course estimates this (say that it is an estimate).
4. Has its position changed? If so, when?
5. One source you would open to check this.

Explain the party's view as it sees it: say “Russia argues that …”, “According to Ukraine …”. You are
reporting a position, not arguing for or against it.
""",
        """
## 6. グループ活動（ギャラリーウォーク）：1つの当事者の要求を説明する

先生が各グループに1つの当事者を割り当てます（米国、ロシア、ウクライナ、EU、英国とフランス、ドイツ・ポーランド・イタリア、サウジアラビア）。下のウィジェットの当事者の一覧で、**自分たちの当事者だけ**を選びましょう（争点を何も選ばなければ、すべての争点が表示されます）。約5分で、次の点に答えるポスターか共有スライドを作りましょう。そのあと約4分で教室を回って他のグループのポスターを読み、それぞれに質問を1つずつメモします。

1. 2〜3の争点についての要求を、**自分の言葉で**説明する。
2. カードの**本人の言葉**から引用を1つ選び、誰がいつ言ったのかを示す。
3. 受け入れうる範囲と、教材がそう推定する理由を説明する（推定であることも伝える）。
4. 立場は変わったか。変わったなら、いつか。
5. 確かめるために開く出典を1つ挙げる。

その当事者の見方を、その当事者の立場から説明しましょう。「ロシアは……と主張している」「ウクライナによれば……」の
ように話します。立場を紹介するのであって、賛成や反対を述べるのではありません。
""",
    ),
    code("lk.StanceComparison(course, lang=LANG)"),
    md(
        """
## 7. Discussion

Talk about the questions below. Use the cards and their sources as evidence, and describe each side's
view in its own words before you give yours.
""",
        """
## 7. 話し合ってみよう

次の問いについて話し合いましょう。カードとその出典を根拠にし、自分の意見を言う前に、それぞれの側の見方を
その側の言葉で説明しましょう。
""",
    ),
    code('lk.discussion(course, "03", lang=LANG)'),
    md(
        """
## 8. Exit quiz

Answer the questions, press **Check** for feedback, then type your name and save your answers.
""",
        """
## 8. 確認クイズ

問題に答えて「答え合わせ」を押し、解説を確かめましょう。最後に名前を入力して回答を保存しましょう。
""",
    ),
    code('lk.quiz(course, "03", "exit", lang=LANG)'),
]

write("03-demands", cells)
