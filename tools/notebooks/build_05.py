import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbtool import check, code, exercise, md, write

PARTIES = "`us`, `ru`, `ua`, `eu`, `de`, `fr`, `uk`, `pl`, `it`, `sa`, `tr`, `cn`, `nato`, `ae`, `un`, `osce`"
CATS = "`diplomacy`, `military`, `territory`, `alliance`, `ceasefire`, `guarantees`, `peace-plan`, `sanctions`, `economy`, `humanitarian`, `politics`"

cells = [
    md(
        """
# Lesson 5: After Riyadh — a year of talks without a ceasefire

The Riyadh talks of 18 February 2025 started a year of meetings in many places and formats. In this lesson you follow them on the timeline, add an event of your own with pandas, and count the events yourself.

> **As-of date: 15 February 2026.** The course's facts stop on that date. Anything that happened later is **not** in the data. If you read about newer events, treat them as news this course has not checked.

Run the cell below to see the lesson's objectives, plan and vocabulary.
""",
        """
# レッスン5　リヤド後の1年：停戦なき交渉の歩み

2025年2月18日のリヤドでの協議の後、1年にわたって、さまざまな場所と枠組みで会談が続きました。このレッスンでは、その流れを年表でたどり、pandasで自分の出来事を加え、出来事を自分で数えてみます。

> **基準日：2026年2月15日。** この教材の事実はこの日までのものです。それ以降に起きたことはデータに**入っていません**。新しい出来事について読んだときは、この教材では確かめていないニュースとして扱いましょう。

下のセルを実行して、このレッスンの目標・流れ・用語を確認しましょう。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "05", lang=LANG)'),
    md(
        """
## 1. The timeline since Riyadh (6 min)

The timeline starts on the day of the Riyadh talks. Each marker is an event, a bar is an event that lasted several days, and the colour and shape show the category. Hover over a marker to read its summary and sources.

**Try this:** find these events and note, for each, *where* it took place and *who* was at the table:

- the Istanbul embassy talks (the first meeting of the mechanism on "irritants" agreed in Riyadh);
- the Oval Office meeting and the London summit;
- the 30-day ceasefire proposal of Jeddah, the pause on strikes against energy sites, and the Black Sea talks;
- the minerals agreement and the Istanbul direct talks;
- Alaska, and the meeting in Washington with European leaders;
- the sanctions on Rosneft and Lukoil;
- the 28-point plan, Geneva, Berlin and the Paris Declaration;
- the Abu Dhabi rounds.
""",
        """
## 1. リヤド以降の年表（6分）

年表はリヤドでの協議の日から始まります。印が1つの出来事、帯は数日以上続いた出来事で、色と形は分野を表します。印にマウスを重ねると、概要と出典が表示されます。

**やってみよう**：次の出来事を探し、それぞれ「どこで」行われ、「誰が」交渉の席にいたかを書き留めましょう。

- イスタンブールでの大使館問題の協議（リヤドで合意した「懸案」協議の初会合）
- ホワイトハウスでの会談とロンドン首脳会合
- ジッダでの30日間の停戦案、エネルギー施設への攻撃停止、黒海をめぐる協議
- 鉱物資源協定とイスタンブールでの直接協議
- アラスカでの首脳会談と、欧州首脳を交えたワシントンでの会談
- ロスネフチとルクオイルへの制裁
- 28項目の和平案、ジュネーブ、ベルリン、パリ宣言
- アブダビでの協議
""",
    ),
    code('lk.timeline(course, start="2025-02-18", lang=LANG)'),
    md(
        """
## 2. Tracks and tables: the explorer (8 min)

After Riyadh the talks ran on several **tracks** at once. The explorer filters the events by party, category and date, and shows the details of an event (place, host, people, outcomes, sources) when you pick it in the list. Below the chart there is a text version of the events shown.

**Try this:**

1. Choose the category *Ceasefire*. Which proposals were made, by whom, and what became of them?
2. Choose the party *Saudi Arabia*, then *Turkey*, then *United Arab Emirates*. Which talks did each host, and who met there?
3. Choose *Peace plans* and *Security guarantees*. How did the US plan change between November 2025 and January 2026, and who took part in each step?
4. Sort the talks into tracks: US–Russia, US–Ukraine, Russia–Ukraine, Europe-led, and US–Russia–Ukraine. When did all three sit at the same table for the first time?
""",
        """
## 2. 枠組みと顔ぶれ：エクスプローラー（8分）

リヤドの後、交渉はいくつもの**枠組み**（トラック）で同時に進みました。エクスプローラーでは当事者・分野・期間で出来事を絞り込めます。一覧から出来事を選ぶと、場所・主催・人物・結果・出典などの詳細が表示されます。図の下には、表示中の出来事の文字版もあります。

**やってみよう**：

1. 分野で「停戦」を選びましょう。どんな提案が、誰から出され、その後どうなりましたか。
2. 当事者で「サウジアラビア」、次に「トルコ」、次に「アラブ首長国連邦（UAE）」を選びましょう。それぞれの国はどの協議の舞台となり、そこで誰が会いましたか。
3. 「和平案」と「安全の保証」を選びましょう。2025年11月から2026年1月にかけて、米国の和平案はどう変わり、それぞれの段階に誰が加わりましたか。
4. 協議を枠組みごとに分けましょう：米ロ、米国・ウクライナ、ロシア・ウクライナ、欧州主導、米ロ・ウクライナの3者。3者が初めて同じ席に着いたのはいつですか。
""",
    ),
    code('lk.TimelineExplorer(course, start="2025-02-18", lang=LANG)'),
    md(
        f"""
## 3. Your turn with pandas: add an event (10 min)

The course is **data**: each event is a row with an id, a date, a title, the actors (party ids), a category and a source. You can add rows of your own to *your copy* of the course and redraw the timeline. The course's own files do not change.

Add **one** event dated **after the as-of date (15 February 2026)**:

- either a **real** event you have read about: give the web address (`source_url`) and the name of the publisher (`source_publisher`) of a reliable report;
- or an **imagined** "next round" of talks: then say so clearly in the title (start it with *My scenario (imagined):*), use `https://example.org/my-scenario` as `source_url` (example.org is a reserved address that never holds real news), and `My own scenario` as `source_publisher`.

| column | what to write | example |
|---|---|---|
| `id` | a short name: lower-case letters, digits and `-` | `"my-next-round"` |
| `date` | `YYYY-MM-DD` | `"2026-03-01"` |
| `title` | one line in any language, or `{{"en": ..., "ja": ...}}` for both | `"My scenario (imagined): ..."` |
| `actors` | a list of party ids | `["us", "ru", "ua"]` |
| `category` | one category id | `"diplomacy"` |
| `source_url`, `source_publisher` | where the information comes from | see above |

Party ids: {PARTIES}. Categories: {CATS}.

If a value is wrong, `course.with_events` tells you which row and field to fix. Events you add are drawn as *reported (not confirmed)*, with open markers: the course has not checked them.
""",
        f"""
## 3. pandasで挑戦：出来事を加える（10分）

この教材は**データ**でできています。出来事の1つ1つが、id・日付・タイトル・参加者（当事者のid）・分野・出典をもつ1行です。*自分の手元の*教材に行を加えて、年表を描き直すことができます。教材のファイルそのものは変わりません。

**基準日（2026年2月15日）より後の日付**の出来事を**1つ**加えましょう。

- **実際の**出来事（ニュースで読んだもの）なら、信頼できる報道のウェブアドレス（`source_url`）と発行元の名前（`source_publisher`）を書きます。
- **想像上の**「次の協議」なら、タイトルでそれがはっきりわかるようにし（*自分のシナリオ（架空）：* で始めるなど）、`source_url` には `https://example.org/my-scenario`（example.org は実際のニュースが載ることのない予約済みのアドレスです）、`source_publisher` には `My own scenario` を使います。

| 列 | 書くこと | 例 |
|---|---|---|
| `id` | 短い名前（英小文字・数字・`-`） | `"my-next-round"` |
| `date` | `YYYY-MM-DD` | `"2026-03-01"` |
| `title` | 1行（言語は自由）。両方の言語なら `{{"en": ..., "ja": ...}}` | `"自分のシナリオ（架空）：……"` |
| `actors` | 当事者のidのリスト | `["us", "ru", "ua"]` |
| `category` | 分野のid（1つ） | `"diplomacy"` |
| `source_url`、`source_publisher` | 情報の出どころ | 上を参照 |

当事者のid：{PARTIES.replace(", ", "、")}。分野のid：{CATS.replace(", ", "、")}。

値に誤りがあると、`course.with_events` がどの行のどの項目を直せばよいかを教えてくれます。加えた出来事は「報道（未確認）」として白抜きの印で描かれます。教材では確かめていない出来事だからです。
""",
    ),
    exercise(
        "ex-05-add-event",
        """
# Task: build a one-row DataFrame called my_event with the columns in the table above,
#       then add it to the course and redraw the timeline from June 2025.
# 課題：上の表の列をもつ1行のDataFrameを my_event という名前でつくり、
#       教材に加えて、2025年6月からの年表を描き直しましょう。
#     new_course = course.with_events(my_event)
#     lk.timeline(new_course, start="2025-06-01", lang=LANG)
import pandas as pd
""",
        """
title = {"en": "My scenario (imagined): Abu Dhabi round 3", "ja": "自分のシナリオ（架空）：アブダビ第3回協議"}
my_event = pd.DataFrame([{"id": "my-next-round", "date": "2026-03-01", "title": title, "actors": ["us", "ru", "ua", "ae"],
                          "category": "diplomacy", "source_url": "https://example.org/my-scenario", "source_publisher": "My own scenario"}])
new_course = course.with_events(my_event)
lk.timeline(new_course, start="2025-06-01", lang=LANG)
""",
    ),
    check(
        "ex-05-add-event-check",
        """
assert len(my_event) == 1, "my_event should have exactly one row / my_event は1行にしましょう"
added = [e for e in new_course.events if e.id in set(my_event["id"])]
assert len(added) == 1 and len(new_course.events) == len(course.events) + 1, "your event is not in new_course.events / new_course.events に出来事が入っていません"
assert added[0].date > course.as_of, "choose a date after 15 February 2026 / 2026年2月15日より後の日付にしましょう"
""",
        points=2,
    ),
    md(
        """
Look at your timeline. Your event appears after the as-of date, but the chart's title still says *as of 15 February 2026*: the course has not checked your event. **If your event is imagined, say so every time you show it to someone.**

## 4. Counting with pandas (6 min)

`course.events_frame()` gives the course's events as a pandas table, one row per event. The `date` column holds real dates and the `category` column holds category ids.

**Task:** count how many of the course's events in **2025** fall in each category.

Hint: `events["date"].dt.year == 2025` picks the rows of 2025, and `.value_counts()` counts the values of a column.
""",
        """
年表を見てみましょう。加えた出来事は基準日より後に表示されますが、図のタイトルは「年表（基準日：2026年2月15日）」のままです。教材はあなたの出来事を確かめていないからです。**想像上の出来事なら、人に見せるときは必ずそう伝えましょう。**

## 4. pandasで数える（6分）

`course.events_frame()` は、教材の出来事を1行に1件ずつ並べたpandasの表を返します。`date` 列には日付が、`category` 列には分野のidが入っています。

**課題：** 教材の出来事のうち**2025年**のものを、分野ごとに数えましょう。

ヒント：`events["date"].dt.year == 2025` で2025年の行を選べます。`.value_counts()` は列の値ごとに数を数えます。
""",
    ),
    exercise(
        "ex-05-count",
        """
# Task: count the course's events of 2025 per category, in a variable called per_category.
# 課題：教材の2025年の出来事を分野ごとに数え、per_category という変数に入れましょう。
events = course.events_frame(lang=LANG)
""",
        """
in_2025 = events[events["date"].dt.year == 2025]
per_category = in_2025["category"].value_counts()
per_category
""",
    ),
    check(
        "ex-05-count-check",
        """
assert int(per_category.sum()) == sum(1 for e in course.events if e.date.year == 2025), "count every event of 2025 once / 2025年の出来事を1回ずつ数えましょう"
assert set(per_category.index) <= {c.id for c in course.info.categories}, "count by the category column / category 列で数えましょう"
""",
        points=1,
    ),
    md(
        """
**Going further:** the cell below counts the events of 2025 per **month**. Which months were the busiest? Does a busy month mean progress? Look back at the timeline.

Remember what you are counting: the events *this course chose to include*. The course looks at the Riyadh talks in detail, so February 2025 has many events. A count measures the course's coverage as much as the diplomacy itself.
""",
        """
**発展：** 下のセルは、2025年の出来事を**月ごと**に数えます。最も多いのは何月ですか。出来事が多い月は「前進」した月だと言えるでしょうか。年表を見直して考えましょう。

何を数えているのかにも注意しましょう。数えているのは「この教材が取り上げた」出来事です。この教材はリヤドでの協議を詳しく扱っているので、2025年2月の出来事が多くなります。数は、外交の動きだけでなく、教材の取り上げ方も表しているのです。
""",
    ),
    code('events[events["date"].dt.year == 2025]["date"].dt.month.value_counts().sort_index()'),
    md(
        """
## 5. Discussion: progress or stalemate? (8 min)

Use the timeline and your counts as evidence. First describe how each party saw an event, in its own words, and then say what you think and why. You do not have to say which side you are on.
""",
        """
## 5. 話し合い：前進か、行き詰まりか（8分）

年表と数えた結果を根拠に使いましょう。まず各当事者がその出来事をどう見たかをその当事者の言葉で説明し、そのうえで自分の考えとその理由を述べましょう。自分がどちらの側に立つかを言う必要はありません。
""",
    ),
    code('lk.discussion(course, "05", lang=LANG)'),
    md(
        """
## 6. Exit quiz (8 min)

Answer the questions and press **Check** to see feedback. The lines under each explanation name the events to look at again. At the end, type your name and press **Save my answers**.
""",
        """
## 6. 確認クイズ（8分）

問題に答えて「答え合わせ」を押すと、フィードバックが表示されます。解説の下には、見直すとよい出来事が示されます。最後に名前を入力して「回答を保存」を押しましょう。
""",
    ),
    code('lk.quiz(course, "05", "exit", lang=LANG)'),
]
write("05-after-riyadh", cells)
