"""Spec for lesson 01-background (English and Japanese notebooks from one list of cells)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbtool import code, md, write

cells = [
    md(
        """
# Lesson 1 · Background: how the war began and earlier attempts at peace

Before we study the talks in Riyadh in February 2025, we need the story so far: how the war began, how it grew,
and what earlier attempts at peace looked like. Everything in this lesson comes from the course's timeline, and
every event names its sources. Run the cell below to see the lesson's goals, plan and key words.
""",
        """
# レッスン1　背景：戦争の始まりとこれまでの和平の試み

2025年2月のリヤドでの協議を学ぶ前に、それまでの経緯を押さえておきましょう。戦争はどのように始まり、どう拡大したのか。
これまでの和平の試みはどのようなものだったのか。このレッスンの内容はすべて教材の年表に基づいていて、どの出来事にも出典が
付いています。下のセルを実行して、このレッスンの目標・流れ・重要な用語を確かめましょう。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "01", lang=LANG)'),
    md(
        """
## 1. The whole picture, 2008–2024

The timeline shows every event in the course up to the end of 2024. Hover over a marker to read it; the shaded
bands are the course's periods (before 2014, the war in Crimea and Donbas, the full-scale invasion).

- Which is the earliest event, and who took part in it?
- How many years passed between the seizure of Crimea and the full-scale invasion?
- Filled markers are confirmed events. Find an open marker with a dot: it stands for one side's claim. Whose claim is it?
""",
        """
## 1. 全体像をつかむ（2008〜2024年）

下の年表には、教材に収められた2024年末までの出来事がすべて表示されます。印にマウスを重ねると内容が読めます。
網掛けの帯は教材の時期区分（2014年以前、クリミア・ドンバスでの戦争、全面侵攻）です。

- いちばん古い出来事は何ですか。誰が関わっていますか。
- クリミアの占拠から全面侵攻まで、何年たっていますか。
- 塗りつぶしの印は確認済みの出来事です。中に点のある白抜きの印を探しましょう。これは一方の主張を表します。誰の主張でしょうか。
""",
    ),
    code('lk.timeline(course, end="2025-01-01", lang=LANG)'),
    md(
        """
## 2. 2014 or 2022: when did the war begin?

Now only the *territory* and *military* events. Compare spring 2014 (Crimea, then Donbas) with 24 February 2022:
what happened at each time, and who did it? Then judge a sentence from a Japanese blog post that the course
examines: choose your verdict, press **Check**, and read the correction. Why does the course call 2022 “Russia's
full-scale invasion”?
""",
        """
## 2. 戦争はいつ始まったのか：2014年か2022年か

今度は「領土」と「軍事」の出来事だけを表示します。2014年の春（クリミア、続いてドンバス）と2022年2月24日を比べ、
それぞれの時期に何が起き、誰が行ったのかを確かめましょう。次に、教材で検証している日本語のブログ記事の一文を判定します。
判定を選んで「答え合わせ」を押し、訂正を読みましょう。教材が2022年を「ロシアによる全面侵攻」と呼ぶのはなぜでしょうか。
""",
    ),
    code('lk.timeline(course, categories=["territory", "military"], end="2025-01-01", lang=LANG)'),
    code('lk.ClaimCheck(course, claims=["blog-war-began-2022"], lang=LANG)'),
    md(
        """
### The map in 2014 and in 2022

The same story on a map of Ukraine's 27 regions. The first map shows the end of 2014, the second the end of 2022.
Each status has its own colour *and* its own pattern (see the key below each map); hover over a region to read its
status, since when, and the sources.

- Which regions changed status in 2014, and which in 2022?
- Russia claims four regions “within their administrative borders”. Does it hold all of them? Read the hover text of
  the Kherson region: what happened in November 2022?
- Which international body rejected each annexation, and how?
""",
        """
### 地図で見る2014年と2022年

同じ出来事を、ウクライナの27の地域（州・特別市・自治共和国）の地図で確かめましょう。1枚目は2014年末、2枚目は2022年末の
状況です。状況ごとに色だけでなく塗りの模様も変えてあります（地図の下の凡例を参照）。地域にマウスを重ねると、状況、いつからか、
出典が読めます。

- 2014年に状況が変わったのはどの地域で、2022年に変わったのはどの地域ですか。
- ロシアは4州を「州の行政境界まで」自国領だと主張しています。ロシアはその全域を支配しているでしょうか。ヘルソン州の説明を
  読みましょう。2022年11月に何が起きましたか。
- それぞれの「併合」を認めなかった国際機関はどこで、どのように認めなかったのでしょうか。
""",
    ),
    code('lk.territory_map(course, as_of="2014-12-31", lang=LANG)'),
    code('lk.territory_map(course, as_of="2022-12-31", lang=LANG)'),
    md(
        """
The same map as a table (for a screen reader, or to print): every region, its status, since when, how much of it is
held, and the sources.
""",
        """
同じ地図を表にしたものです（読み上げソフトを使うときや印刷するときに）。すべての地域について、状況、時期、支配の範囲、
出典が並びます。
""",
    ),
    code('print(lk.map_text(course, as_of="2022-12-31", lang=LANG))'),
    md(
        """
## 3. Earlier attempts at peace

The explorer shows the *diplomacy* and *ceasefire* events up to 2024. Choose each of these in the **Event** list
and read its details and sources:

1. the Minsk Protocol (September 2014);
2. Minsk II, the “Package of Measures” (February 2015);
3. the Russia–Ukraine talks in Istanbul (March 2022);
4. Putin shows a 2022 “draft treaty” (June 2023).

For each, note who took part, what was agreed or proposed, and what the timeline says happened next. Look at
**Certainty** for the fourth: why is it marked as one side's claim? If you have time, add *Peace plans* to the
categories (Ctrl-click) to see the plans and summits of 2022–2024: who was invited, and who was not?
""",
        """
## 3. これまでの和平の試み

エクスプローラーには、2024年までの「外交・交渉」と「停戦」の出来事が表示されます。**出来事** の一覧から次の四つを
順に選び、詳しい内容と出典を読みましょう。

1. ミンスク議定書（2014年9月）
2. ミンスク合意II（「措置パッケージ」、2015年2月）
3. イスタンブールでのロシア・ウクライナ協議（2022年3月）
4. プーチン大統領が2022年の「条約草案」を示す（2023年6月）

それぞれについて、誰が参加したのか、何が合意・提案されたのか、その後どうなったと年表に書かれているかをメモしましょう。
4番目の出来事の **確度** も見てください。なぜ「一方の主張」とされているのでしょうか。時間があれば、分野に「和平案」を
追加して（Ctrlキーを押しながらクリック）、2022〜2024年の和平案や会議も見てみましょう。誰が招かれ、誰が招かれなかったでしょうか。
""",
    ),
    code('lk.TimelineExplorer(course, categories=["diplomacy", "ceasefire"], end="2025-01-01", lang=LANG)'),
    md(
        """
## 4. NATO and Ukraine: from Bucharest to Washington

NATO's promise to Ukraine at Bucharest in 2008 still came up in the talks of 2025. The timeline shows NATO's
summits from 2008 to 2024 and Russia's draft treaties of December 2021. Compare the wording of the summit
declarations: what changed, and what stayed the same?
""",
        """
## 4. NATOとウクライナ：ブカレストからワシントンへ

2008年のブカレストでのNATOのウクライナへの約束は、2025年の交渉でも話題になりました。下の年表には、2008年から
2024年までのNATO首脳会議と、2021年12月のロシアの条約案が表示されます。首脳会議の宣言の言葉を比べましょう。
何が変わり、何が変わらなかったでしょうか。
""",
    ),
    code('lk.timeline(course, parties=["nato"], categories=["alliance", "diplomacy"], end="2025-01-01", lang=LANG)'),
    md(
        """
Now the positions. The cards show what Russia, Ukraine and NATO had said by the end of 2024, in their own words,
with each position's history: Ukraine's card goes back to its application of September 2022, which is also in the
timeline. Then change **Positions as of** to a date in 2025: how did the positions move?
""",
        """
次は各当事者の立場です。カードには、2024年末までにロシア、ウクライナ、NATOが述べていたことが、本人たちの言葉と立場の変化の記録とともに表示されます。ウクライナのカードは、年表にもある2022年9月のNATO加盟申請から始まります。そのあと **時点** を2025年の日付に変えてみましょう。立場はどう動いたでしょうか。
""",
    ),
    code('lk.StanceComparison(course, parties=["ru", "ua", "nato"], issues=["nato"], as_of="2024-12-31", lang=LANG)'),
    md(
        """
## 5. Discussion

Talk in pairs or small groups. Give each side's reasons in its own words before you say which you find strongest.
""",
        """
## 5. 話し合い

ペアや小グループで話し合いましょう。どの理由が説得力があるかを述べる前に、まずそれぞれの当事者の理由を、その当事者自身の
言葉で紹介しましょう。
""",
    ),
    code('lk.discussion(course, "01", lang=LANG)'),
    md(
        """
## 6. Exit quiz

Answer each question and press **Check**. When you are done, type your name and student number and press
**Save my answers**.
""",
        """
## 6. 確認クイズ

各問に答えて「答え合わせ」を押しましょう。終わったら名前と学籍番号を入力し、「回答を保存」を押してください。
""",
    ),
    code('lk.quiz(course, "01", "exit", lang=LANG)'),
]

write("01-background", cells)
