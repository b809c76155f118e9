import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbtool import code, md, write

cells = [
    md(
        """
# Lesson 7 · Review and reflection: the road to peace so far

This last lesson has two parts. First, a **review exam** on lessons 1 to 6: the background since 2008, the Riyadh meeting, each party's demands, the obstacles to a ceasefire, the talks since Riyadh, and reading the news. Then a **closing reflection** on questions that have no settled answer.
""",
        """
# レッスン7　総復習とふりかえり：和平への道のこれまで

最後のレッスンは2部構成です。まず、レッスン1〜6（2008年以降の背景、リヤドでの会合、各当事者の要求、停戦を阻む要因、リヤド後の交渉、ニュースの読み解き方）の**総復習テスト**に取り組みます。その後、答えの定まっていない問いについて**最後のふりかえり**を行います。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "07", lang=LANG)'),
    md(
        """
## 1. Review exam

How it works:

1. Type your **name** and your **student ID** at the top of the quiz.
2. Answer every question. This is **exam mode**: you will not see whether an answer is right, and there is no *Check* button.
3. When you have finished, press **Save my answers**. Your answers are saved in a file next to this notebook; your teacher collects it and grades it. If you reopen the quiz later, **Load saved answers** brings them back.

Your teacher will tell you whether you may use the timelines and widgets of earlier lessons during the exam.
""",
        """
## 1. 総復習テスト

進め方：

1. クイズの上にある欄に**名前**と**学籍番号**を入力します。
2. すべての問いに答えます。これは**試験モード**なので、正解かどうかは表示されず、「答え合わせ」ボタンもありません。
3. 答え終わったら「回答を保存」を押します。回答はこのノートブックと同じフォルダーのファイルに保存され、先生が集めて採点します。あとでクイズを開き直したときは、「保存した回答を読み込む」で回答を元に戻せます。

テスト中にこれまでのレッスンの年表やウィジェットを使ってよいかどうかは、先生の指示に従ってください。
""",
    ),
    code('lk.quiz(course, "07", "review", lang=LANG)'),
    md(
        """
## 2. Before the reflection: sequencing and participation

Saved your answers? Now look back at two questions that run through the whole course. Compare how the positions of the United States, Russia, Ukraine and the EU on them have changed: open the position history on each card, and note the dates.
""",
        """
## 2. ふりかえりの前に：停戦の順序と交渉の参加者

回答を保存しましたか。ここでは、教材全体を通して扱ってきた2つの論点を見直します。米国・ロシア・ウクライナ・EUの立場がどう変わってきたかを比べましょう。各カードの立場の変遷を開き、日付にも注目してください。
""",
    ),
    code(
        'lk.StanceComparison(course, parties=["us", "ru", "ua", "eu"], issues=["sequencing", "participation"], lang=LANG)'
    ),
    md(
        """
## 3. Closing reflection

Each question below presents more than one side. For each one, first write down the **strongest argument for each side**, in the words its supporters would use, and only then your own view. Ground rules for the discussion: disagree with ideas, not with people; say which fact or source your point rests on; nobody has to say which side they are on, and you may argue for a view you do not hold. The course's facts end at its as-of date (shown at the top); news after that date may change the picture.
""",
        """
## 3. 最後のふりかえり

下の問いには、どれも複数の立場があります。それぞれについて、まず**各立場の最も強い論拠**を、その立場の人が使うであろう言葉で書き出し、そのあとで自分の考えを書きましょう。話し合いの約束：人ではなく考えに対して意見を述べること。自分の意見がどの事実や出典に基づいているかを示すこと。自分がどちらの側に立つかを言う必要はなく、自分とは違う立場から論じても構いません。この教材の情報は基準日（冒頭に表示）までのものです。それ以降のニュースによって状況が変わることもあります。
""",
    ),
    code('lk.discussion(course, "07", lang=LANG)'),
]

write("07-review", cells)
