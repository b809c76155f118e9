import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from jajoin import ja_join
from nbtool import check, code, exercise, write
from nbtool import md as _md


def md(en, ja):
    return _md(en, ja_join(ja))


EVENT = "riyadh-talks-2025"

cells = [
    md(
        """
# Lesson 2 · The Riyadh meeting: who met, what was agreed, who was left out

On 18 February 2025 a US and a Russian delegation met in Riyadh. In this lesson you follow the days
before the meeting, find out who was in the room and who was not, read what the two sides agreed,
and compare what each side said afterwards.

Run the cell below to see the lesson's objectives, plan and key words.
""",
        """
# レッスン2　リヤドでの米ロ高官協議：誰が会い、何に合意し、誰がいなかったのか

2025年2月18日、米国とロシアの代表団がリヤドで会いました。このレッスンでは、会合までの数日間の
動きをたどり、その場に誰がいて誰がいなかったのかを確かめます。そして双方が何に合意したのかを読み、
会合の後にそれぞれが何を語ったかを比べます。

下のセルを実行して、このレッスンの目標・授業の流れ・重要な用語を確認しましょう。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "02", lang=LANG)'),
    md(
        """
## 1. The road to Riyadh

The explorer below shows the events of February 2025. Read them in order and hover over each point.

- Which events happened in the week **before** the Riyadh meeting? Who took part in each one?
- In the **Event** list, choose the Trump–Putin call, the Munich Security Conference and the Paris
  meeting one by one. Was Ukraine part of each one? Were the European governments?
""",
        """
## 1. リヤドへの道

下の年表エクスプローラーには、2025年2月の出来事が表示されます。順に読み、点にマウスを重ねてみましょう。

- リヤドでの会合の**前**の1週間に、どんな出来事がありましたか。それぞれに誰が加わっていましたか。
- **出来事**の一覧から、米ロ首脳の電話会談、ミュンヘン安全保障会議、パリでの緊急会合を順に選んでみましょう。
  それぞれにウクライナは加わっていましたか。欧州各国の政府はどうですか。
""",
    ),
    code('lk.TimelineExplorer(course, start="2025-02-01", end="2025-02-28", lang=LANG)'),
    md(
        """
## 2. Who met, where, and why Saudi Arabia

Now choose **“US–Russia talks in Riyadh”** in the explorer's Event list. Its details give the place,
the host, the people who were there and the outcomes. The cell below lists the same people from the
course's table of people, with the role each one held **at the time**. Not everyone listed sat at the
table: Kirill Dmitriev travelled with the Russian delegation, but the talks themselves were between
Rubio, Waltz and Witkoff and Lavrov and Ushakov.

- Who led each side? Which member of the Russian delegation does not work on foreign policy? The
  readout also promised economic and investment opportunities after the war: what might these suggest
  about each side's aims, the US side's as well as Russia's?
- Who else is listed, and for which country?
""",
        """
## 2. 誰が、どこで、なぜサウジアラビアで会ったのか

次に、上のエクスプローラーの出来事の一覧から **「リヤドでの米ロ高官協議」** を選びましょう。詳細に、
場所・主催・出席者・結果が表示されます。下のセルは、教材の人物一覧から同じ出席者を取り出し、
それぞれの**当時の**肩書とともに表示します。一覧の全員が協議の席に着いたわけではありません。
キリル・ドミトリエフ氏はロシア代表団に同行しましたが、協議そのものはルビオ、ウォルツ、ウィトコフの
各氏とラブロフ、ウシャコフの両氏の間で行われました。

- それぞれの側を率いたのは誰ですか。ロシア代表団のうち外交を担当していない人物は誰ですか。
  発表文は戦争後の経済・投資の機会にも触れています。こうした点から、ロシア側と米国側それぞれの狙いについて
  何が考えられますか。
- ほかに名前が挙がっているのは誰ですか。どの国の人ですか。
""",
    ),
    code(f'course.people_frame(event="{EVENT}", lang=LANG)'),
    md(
        """
Why did the meeting take place in Saudi Arabia? The timeline below shows only the events in which
Saudi Arabia took part. Look at what it did **before** 2025 and **after** the Riyadh meeting.

- What kind of role does Saudi Arabia play in these events: a party to the war, a host, or a mediator?
""",
        """
なぜ会合はサウジアラビアで開かれたのでしょうか。下の年表は、サウジアラビアが関わった出来事だけを
表示します。2025年**より前**と、リヤドでの会合の**後**に、サウジアラビアが何をしたかを見てみましょう。

- これらの出来事でサウジアラビアが果たしている役割は、戦争の当事者、開催国、仲介者のどれでしょうか。
""",
    ),
    code('lk.timeline(course, parties=["sa"], lang=LANG)'),
    md(
        """
## 3. What was agreed, and two accounts of one meeting

Go back to the Riyadh event in the explorer and read its **Outcomes**. Rubio named all four points on
camera at his press remarks, but one of them is not in the State Department's written readout: which
one? A public statement by the official who led the talks and an agreed written text are different
kinds of evidence: what can each one tell you?

Below, the US and Russian statements about the same meeting are shown side by side. Each is marked as
a **quotation** (the speaker's own words) or a **paraphrase** (a report of what was said); open
*Sources* to see where it comes from.

- What does each side stress? Find one topic that only the US side mentions and one that only the
  Russian side mentions.
- Which statements are about the war in Ukraine, and which are about US–Russian relations?
""",
        """
## 3. 合意の内容と、同じ会合についての2つの説明

エクスプローラーのリヤド協議に戻り、**結果**を読みましょう。ルビオ国務長官は記者会見で4つの点すべてを
カメラの前で述べましたが、そのうち1つは国務省の文書の発表文に入っていません。それはどれでしょうか。
協議を率いた当局者の公の発言と、文書の発表文は、別の種類の根拠です。それぞれから何が分かるでしょうか。

下には、同じ会合についての米国側とロシア側の発言を並べて表示します。それぞれに、**発言の引用**
（話し手の言葉そのもの）か**発言の要約**（発言内容を伝えたもの）かが示されています。
「出典」を開くと、どこから取ったものかが分かります。

- それぞれの側は何を強調していますか。米国側だけが触れている話題と、ロシア側だけが触れている話題を
  1つずつ探しましょう。
- ウクライナでの戦争についての発言はどれで、米ロ関係についての発言はどれですか。
""",
    ),
    code(f'lk.accounts(course, "{EVENT}", parties=["us", "ru"], lang=LANG)'),
    md(
        """
## 4. Not in the room

Ukraine and the EU were not invited to Riyadh. On the same day Zelensky was in Ankara with Erdoğan
(see the explorer above), and China's Foreign Ministry commented too.

- How did Ukraine react? What did it ask for?
- What did Turkey offer? How does China's comment differ from Ukraine's?
""",
        """
## 4. その場にいなかった国々

ウクライナとEUはリヤドに招かれませんでした。同じ日、ゼレンスキー大統領はアンカラでエルドアン大統領と
会っていました（上のエクスプローラーを参照）。中国外務省もコメントを出しています。

- ウクライナはどう反応しましたか。何を求めましたか。
- トルコは何を申し出ましたか。中国のコメントはウクライナのものとどう違いますか。
""",
    ),
    code(f'lk.accounts(course, "{EVENT}", parties=["ua", "tr", "cn"], lang=LANG)'),
    md(
        """
## 5. Exercise: who said what about Riyadh?

The course keeps every recorded statement in a table. Each statement names its `speaker` (a person's
id) and its `event`, but not the speaker's party: that is in the table of people.

1. Keep only the statements whose `event` is `"riyadh-talks-2025"`; call the result `riyadh`.
2. Add each speaker's `party`: merge `riyadh` with the `id` and `party` columns of `people`
   (hint: rename `id` to `speaker` first). Call the result `merged`.
3. Count the statements per party, largest first (`value_counts()`), and store the result in `counts`.

Then run the check cell below your answer.
""",
        """
## 5. 演習：リヤド協議について誰が何を語ったか

教材は、記録したすべての発言を1つの表にまとめています。各発言には話し手（`speaker`、人物のID）と
出来事（`event`）が記録されていますが、話し手の当事者（国など）は書かれていません。それは人物の表にあります。

1. `event` が `"riyadh-talks-2025"` の発言だけを取り出し、`riyadh` という名前にしましょう。
2. 話し手の当事者（`party`）を加えます。`riyadh` を `people` の `id` 列と `party` 列と結合（merge）し
   ましょう（ヒント：先に `id` 列の名前を `speaker` に変えます）。結果を `merged` という名前にしましょう。
3. 当事者ごとに発言を数え（`value_counts()`、多い順）、結果を `counts` に入れましょう。

答えを書いたら、その下の確認用のセルを実行しましょう。
""",
    ),
    exercise(
        "ex-02-count",
        'statements = course.frame("statements", lang=LANG)\n'
        'people = course.frame("people", lang=LANG)\n'
        "# Step 1 / 手順1: riyadh = ...\n"
        "# Step 2 / 手順2: merged = ...\n"
        "# Step 3 / 手順3: counts = ...",
        f'riyadh = statements[statements["event"] == "{EVENT}"]\n'
        'merged = riyadh.merge(people[["id", "party"]].rename(columns={"id": "speaker"}), on="speaker")\n'
        'counts = merged["party"].value_counts()\n'
        "counts",
    ),
    check(
        "ex-02-count-check",
        "from collections import Counter\n\n"
        f'expected = Counter(course.person(s.speaker).party for s in course.statements if s.event == "{EVENT}")\n'
        'assert dict(counts) == dict(expected), "count each statement about the Riyadh talks once, by its speaker\'s party"\n'
        'assert list(counts) == sorted(counts, reverse=True), "sort the counts from largest to smallest"\n'
        'print("Well done!")',
        points=2,
    ),
    md(
        """
**Extension.** Which statements of the US side are exact quotations? Make a table `us_quotes` with only
the rows of `merged` whose `party` is `"us"` and whose `verbatim` column is `True`, and keep only the
`speaker` and `text` columns. Compare it with the Russian side: how many of Russia's statements are
quotations, and why might that be? (Read the note on quotation and paraphrase in the key words.)
""",
        """
**発展**　米国側の発言のうち、発言そのものを引用したものはどれでしょうか。`merged` から `party` が
`"us"` で、`verbatim` 列が `True` の行だけを取り出し、`speaker` 列と `text` 列だけを残した表
`us_quotes` を作りましょう。ロシア側と比べてみましょう。ロシア側の発言のうち引用はいくつあり、
それはなぜでしょうか（重要な用語の「引用と要約」を読み返しましょう）。
""",
    ),
    exercise(
        "ex-02-quotes",
        "# us_quotes = ...",
        'us_quotes = merged[(merged["party"] == "us") & merged["verbatim"]][["speaker", "text"]]\nus_quotes',
    ),
    check(
        "ex-02-quotes-check",
        "said = [s for s in course.statements if s.event == "
        f'"{EVENT}" and s.verbatim and course.person(s.speaker).party == "us"]\n'
        'assert list(us_quotes.columns) == ["speaker", "text"], "keep only the speaker and text columns"\n'
        'assert sorted(us_quotes["speaker"]) == sorted(s.speaker for s in said), "keep the US side\'s quotations only"\n'
        'assert set(us_quotes["text"]) == {s.text.get(lang=LANG) for s in said}\n'
        'print("Well done!")',
        points=1,
    ),
    md(
        """
## 6. Discussion

Talk about the questions below in small groups. Use the statements and sources above as evidence,
and describe each side's view in its own words before you give yours.
""",
        """
## 6. 話し合ってみよう

次の問いについて、少人数のグループで話し合いましょう。上の発言や出典を根拠にし、自分の意見を言う前に、
それぞれの側の見方をその側の言葉で説明しましょう。
""",
    ),
    code('lk.discussion(course, "02", lang=LANG)'),
    md(
        """
## 7. Exit quiz

Answer the questions, press **Check** for feedback, then type your name and save your answers.
""",
        """
## 7. 確認クイズ

問題に答えて「答え合わせ」を押し、解説を確かめましょう。最後に名前を入力して回答を保存しましょう。
""",
    ),
    code('lk.quiz(course, "02", "exit", lang=LANG)'),
]

write("02-riyadh-meeting", cells)
