"""Spec for lesson 00-start-here (English and Japanese notebooks from one list of cells).

The students' and teachers' parts keep the lead's original text; new: the lesson intro, a
"try the controls" section, a section on dates, certainty and sources, the discussion and the
exit quiz.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbtool import code, md, write

cells = [
    md(
        """
# Road to Peace — start here

This course teaches the **US–Russia high-level talks in Riyadh on 18 February 2025**: who met, what they agreed, what each party demands, and why a ceasefire in Russia's war against Ukraine is so hard to reach. It is made of short lessons, each one a notebook that fits a 45–50 minute class.

The cell below loads the course and shows the map of lessons and the date the facts are current to.
""",
        """
# 和平への道 — はじめに

この教材では、**2025年2月18日にサウジアラビアのリヤドで開かれた米ロ高官協議**を取り上げます。誰が会い、何に合意したのか、各当事者は何を求めているのか、そしてロシアによるウクライナ侵攻の停戦がなぜこれほど難しいのかを学びます。教材は短いレッスンの集まりで、各レッスンは1回の授業（45〜50分）に収まるノートブックです。

下のセルを実行すると、レッスンの一覧と、教材の情報の基準日（どの日までの情報か）が表示されます。
""",
    ),
    code("import lessonkit as lk\n\ncourse = lk.load_course()\nlk.course_overview(course, lang=LANG)"),
    md(
        """
This first lesson is an orientation: it shows you how the course works. Here is its plan.
""",
        """
このレッスンはオリエンテーションです。教材の使い方を確かめます。まずはこのレッスンの流れを見てみましょう。
""",
    ),
    code('lk.lesson_intro(course, "00", lang=LANG)'),
    md(
        """
## For students

**Running a notebook.** Click a cell and press **Shift+Enter** to run it, or choose *Run → Run All Cells* to run the whole lesson. Grey boxes with `In [ ]` are code cells: you do not need to change them, except in the exercises.

**The interactive parts.** Timelines show each event when you hover over it; the controls above them filter by party, category and date. Stance comparisons let you choose parties and issues. In the negotiation sandbox you pick an option for each issue and see whose estimated limits it crosses. Every control works with the keyboard: **Tab** moves between controls, **Space** or **Enter** presses a button, arrow keys change a choice.

**Quizzes.** In *practice* mode each question has a **Check** button with feedback and an explanation; **Try again** resets it. In *exam* mode you get no feedback until your teacher grades your answers. Type your name and student number, then press **Save my answers**: your answers are saved in a file next to the notebook, and they come back if you reopen the quiz later.

**Facts and sources.** Every event and position in the course cites its source; open the sources to check them yourself. The course describes each party's position in the same way and in neutral words: it shows what each side says, so that you can weigh the positions yourself.
""",
        """
## 生徒のみなさんへ

**ノートブックの使い方**　セルをクリックして **Shift＋Enter** を押すと実行できます。メニューの「Run → Run All Cells」でレッスン全体をまとめて実行することもできます。`In [ ]` と書かれた灰色の枠はコードのセルです。演習以外では書き換える必要はありません。

**操作できる部分**　年表では、出来事にマウスを重ねると内容が表示され、上のボタンで当事者・分野・期間を絞り込めます。「立場を比べる」では、当事者と争点を選んで並べて見られます。「交渉シミュレーター」では、争点ごとに選択肢を選び、それがどの当事者の受け入れうる範囲を越えるかを確かめられます。すべての操作はキーボードでもできます（**Tab** で移動、**Space** または **Enter** でボタンを押す、矢印キーで選択を変える）。

**クイズ**　「練習」モードでは、各問の「答え合わせ」ボタンで正誤と解説が表示され、「もう一度」で解き直せます。「試験」モードでは、先生が採点するまで正誤は表示されません。名前と学籍番号を入力して「回答を保存」を押すと、回答がノートブックと同じフォルダーにファイルとして保存され、あとでクイズを開き直すと復元されます。

**事実と出典**　教材に出てくる出来事や各国の立場には、すべて出典が付いています。出典を開いて自分で確かめてみましょう。この教材は、どの当事者の立場も同じ形式・中立的な言葉で紹介します。各当事者の主張を比べ、自分で考えるための教材です。
""",
    ),
    md(
        """
## Try the controls

The timeline explorer below shows the events from January 2025 on. Try each step, with the mouse or the keyboard:

1. In **Categories**, choose *Ceasefire* only. The line under the controls says how many events are shown.
2. Add *Diplomacy and talks* (Ctrl-click, ⌘-click on a Mac, or Shift + arrow keys). In the **Event** list, choose the US–Russia talks in Riyadh on 18 February 2025 and read the details: where did the talks take place, who hosted them, and who was not invited?
3. In **Parties**, choose Ukraine only. Is the Riyadh meeting still in the list? Why not?
4. Move the **Dates** slider, switch **Rows** to *by party*, then press **Show all** to start again.
5. Open **Text version** at the bottom: the same events as a numbered list, which a screen reader can read aloud.
""",
        """
## 操作してみよう

下の年表エクスプローラーには、2025年1月以降の出来事が表示されます。マウスでもキーボードでもかまいません。順に試してみましょう。

1. **分野** で「停戦」だけを選びます。操作部品の下の行に、表示されている出来事の数が出ます。
2. 「外交・交渉」も追加します（Ctrl キー、Mac は ⌘ キーを押しながらクリック、または Shift キーと矢印キー）。**出来事** の一覧から2025年2月18日のリヤドでの米ロ高官協議を選び、詳しい内容を読みましょう。協議はどこで開かれ、どの国が主催し、誰が招かれなかったでしょうか。
3. **当事者** でウクライナだけを選びます。リヤドでの協議はまだ一覧にありますか。ないとすれば、なぜでしょうか。
4. **期間** のスライダーを動かし、**行の分け方** を「当事者ごと」に切り替えてから、**すべて表示** を押して元に戻しましょう。
5. いちばん下の **文字版** を開くと、同じ出来事が番号付きの一覧で表示されます。画面読み上げソフトでも読める形です。
""",
    ),
    code('lk.TimelineExplorer(course, start="2025-01-01", lang=LANG)'),
    md(
        """
## Dates, certainty and sources

**The as-of date.** The course's facts are current to the date shown at the top and in the explorer's status line. The war and the talks go on after it: for anything later, check the news, and note the date and the source.

**Certainty.** Every event carries a label, shown in its details and by its marker in the timeline:

- *Confirmed* (filled marker): a published source confirms it.
- *Reported* (open marker): known only from reports, for example of leaked or unpublished texts.
- *Claimed by one side* (open marker with a dot): one side's account that the other side disputes or has not confirmed.

In the explorer, press **Show all** and find the US 28-point plan of November 2025: what is its certainty?

**Sources.** A *primary source* is the original record made by those involved, such as a government's readout of a meeting, a NATO declaration or a UN resolution. News reports and analyses that retell it are secondary sources. Look at the sources of the Riyadh talks: which one is the US government's own record? A government's own statement is the best record of what it said, but not proof of disputed facts.
""",
        """
## 日付・確度・出典の読み方

**基準日**　教材の情報は、いちばん上の一覧やエクスプローラーに「情報の基準日」として表示される日付までのものです。戦争も交渉もその後も続いています。それより後のことはニュースで確かめ、日付と出典をメモしておきましょう。

**確度**　どの出来事にも、どのくらい確かかを示す表示が付いています。詳しい内容の欄と、年表の印の形で分かります。

- 「確認済み」（塗りつぶしの印）：公表された出典で確認できる。
- 「報道（未確認）」（白抜きの印）：流出した文書や未公表の文書についての報道など、報道でしか分からない。
- 「一方の主張」（中に点のある白抜きの印）：一方の当事者の説明で、相手側が否定しているか認めていない。

エクスプローラーで **すべて表示** を押し、2025年11月の米国の28項目和平案を探してみましょう。確度はどうなっていますか。

**出典**　「一次資料」とは、当事者自身が作った元の記録のことです。会談についての政府の発表、NATOの宣言、国連の決議などがそうです。それを伝え直したニュースや分析は二次資料です。リヤドでの協議の出典を見て、米国政府自身の記録はどれか探してみましょう。政府自身の発表は、その政府が何を述べたかの最良の記録ですが、争いのある事実の証明にはなりません。
""",
    ),
    md(
        """
## Discussion

Talk in pairs or small groups. There is no single right answer: give reasons, and listen to the other view.
""",
        """
## 話し合い

ペアや小グループで話し合いましょう。正解は一つではありません。理由を挙げ、自分と違う考えにも耳を傾けましょう。
""",
    ),
    code('lk.discussion(course, "00", lang=LANG)'),
    md(
        """
## Exit quiz

Answer each question and press **Check**; use **Try again** to change an answer. When you are done, type your name and student number and press **Save my answers**. On Binder, also download the saved file (its name starts with `responses-00-start-here-exit-`) from the file browser on the left before you close the tab.
""",
        """
## 確認クイズ

各問に答えて「答え合わせ」を押しましょう。答え直すときは「もう一度」を押します。終わったら名前と学籍番号を入力し、「回答を保存」を押してください。Binder を使っている場合は、タブを閉じる前に、左のファイル一覧から保存されたファイル（名前が `responses-00-start-here-exit-` で始まるもの）をダウンロードしてください。
""",
    ),
    code('lk.quiz(course, "00", "exit", lang=LANG)'),
    md(
        """
## For teachers

- **Plan.** Each lesson has a teacher guide (`lessons/NN-…/teacher-guide.en.md`) with a timing plan, answer keys, advice on leading a discussion of an ongoing war fairly and with care (some students may have personal ties to it), and ideas for weaker and stronger classes. The guide for this lesson also explains how to run the course in class.
- **Check the course.** In a terminal: `lessonkit check lessons` validates every fact, lesson and quiz; `lessonkit list` shows the lessons with their timing.
- **Data.** `lessonkit data events --format csv` (also `stances`, `sources`, …) exports the course data for handouts or your own analysis.
- **Quizzes in your LMS.** `lessonkit export-quiz 01 --format gift -o quiz.txt` writes a lesson's quiz for Moodle (also `moodle-xml`, and `qti` for Canvas).
- **A whole school.** The course runs on Binder, on The Littlest JupyterHub for one school server, and on Zero to JupyterHub for a district; see `docs/`.
- **Keep it current.** The facts end at the course's as-of date shown above. Correct or extend them by editing the YAML files in `lessons/data/` (see `docs/authoring.md`); `lessonkit check` tells you the file and line of any mistake.
""",
        """
## 先生方へ

- **授業の準備**　各レッスンには指導の手引き（`lessons/NN-…/teacher-guide.ja.md`）があります。時間配分、解答例、現在も続く戦争について公平かつ配慮をもって話し合いを進めるための助言（生徒の中には当事者と個人的なつながりを持つ人がいるかもしれません）、習熟度に応じた工夫を載せています。このレッスンの手引きでは、授業での教材の動かし方も説明しています。
- **教材の点検**　ターミナルで `lessonkit check lessons` を実行すると、すべての事実・レッスン・クイズを検証します。`lessonkit list --lang ja` でレッスンと時間配分を一覧できます。
- **データ**　`lessonkit data events --format csv --lang ja`（`stances`、`sources` なども可）で教材のデータを書き出し、配布資料や独自の分析に使えます。
- **LMSでのクイズ**　`lessonkit export-quiz 01 --format gift --lang ja -o quiz.txt` で、各レッスンのクイズを Moodle 用に書き出せます（`moodle-xml`、Canvas 用の `qti` も可）。
- **学校全体での利用**　Binder、1台の学校サーバーなら The Littlest JupyterHub、地域全体なら Zero to JupyterHub で動かせます。詳しくは `docs/` を参照してください。
- **情報の更新**　教材の情報は上に示した日付までのものです。`lessons/data/` の YAML ファイルを編集して訂正・追加できます（`docs/authoring.md` 参照）。誤りがあれば `lessonkit check` がファイル名と行番号を示します。
""",
    ),
]

write("00-start-here", cells)
