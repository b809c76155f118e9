import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbtool import code, md, write

cells = [
    md(
        """
# Lesson 6 · Reading the news: fact-checking a digest of the Riyadh talks

Many people meet the news through short summaries: a post, a headline, a digest. Today you check one of them. The text is a **Japanese blog-style digest of three news reports** on the US–Russia talks in Riyadh; the blog gives its publication date as 公開日: 2025/02/19. It begins:

> 「2022年勃発のウクライナ紛争。米ロ高官会合が開かれ停戦協議へ。」
>
> *“The Ukraine conflict that broke out in 2022. A US–Russia high-level meeting is held, leading to ceasefire talks.”* (the source article, lead paragraph)

Some of its sentences are right, some are wrong, and some are neither, because they are the writer's own feelings. Your job is to tell which is which, and to back each verdict with a source.
""",
        """
# レッスン6　ニュースを読み解く：リヤド協議のまとめ記事を検証する

私たちがニュースに触れるのは、SNSの投稿や見出し、まとめ記事のような短い要約を通してであることが多いものです。今日はそうしたまとめ記事の一つを検証します。題材は、リヤドでの米ロ協議を伝えた3本の報道を要約した、**ブログ風の日本語の記事**です（記事には「公開日:2025/02/19」とあります）。記事は次のように始まります。

> 「2022年勃発のウクライナ紛争。米ロ高官会合が開かれ停戦協議へ。」（記事の冒頭）

記事の文には、正しいもの、誤っているもの、そしてどちらでもないもの（書き手自身の感想）があります。どれがどれかを見分け、出典を使って判定の根拠を示すのが今日の課題です。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "06", lang=LANG)'),
    md(
        """
## 1. Three kinds of statement

Before you check a sentence, ask what kind of sentence it is:

| kind | how to spot it | what you check | example from the article |
|---|---|---|---|
| **Statement of fact** | who did what, when, where | the records of the event | 「ロシア側からはラブロフ外相らが参加しました」 *“On the Russian side, Foreign Minister Lavrov and others took part”* |
| **Attribution** | “X said …”: 「〜と述べた」「〜を表明」「〜と発表」 | whether X really said it (not whether it is true) | 「ロシアはNATO拡大を容認しない姿勢を改めて示し」 *“Russia restated that it will not accept NATO enlargement”* |
| **Commentary** | opinions, feelings, predictions: 「〜と思います」「〜ですね」 | nothing to check it against; ask whether the facts support it | 「ほんま困ったもんですわ!」 *“What a mess, honestly!”* |

Watch for sentences that **mix** the kinds. In 「ロシア優勢の戦況下で米国の調停が成果を上げるのは容易ではないと専門家は指摘」 (*“experts point out that, with Russia having the upper hand, it will not be easy for US mediation to succeed”*) an attribution to unnamed “experts” (which ones?) wraps a claim about the battlefield and a prediction.

Try the warm-up: choose your answers, then press **Check**.
""",
        """
## 1. 3種類の記述

文を確かめる前に、まずそれがどの種類の文かを考えましょう。

| 種類 | 見分け方 | 何を確かめるか | 記事の例 |
|---|---|---|---|
| **事実の記述** | 誰が・何を・いつ・どこで | 出来事の記録と照らし合わせる | 「ロシア側からはラブロフ外相らが参加しました」 |
| **発言の紹介** | 「〜と述べた」「〜を表明」「〜と発表」 | その人が本当にそう述べたか（述べた内容が正しいかとは別） | 「ロシアはNATO拡大を容認しない姿勢を改めて示し」 |
| **論評・感想** | 意見・気持ち・予想：「〜と思います」「〜ですね」 | 照らし合わせる記録はない。事実がそれを支えているかを考える | 「ほんま困ったもんですわ!」 |

種類が**混ざった文**にも注意しましょう。「ロシア優勢の戦況下で米国の調停が成果を上げるのは容易ではないと専門家は指摘」という文は、名前の出ない「専門家」（誰のことでしょうか）の発言の紹介の中に、戦況についての主張と、今後の予想が含まれています。

ウォームアップに挑戦しましょう。答えを選んだら「答え合わせ」を押してください。
""",
    ),
    code('lk.quiz(course, "06", "kinds", lang=LANG)'),
    md(
        """
## 2. Check 1: dates and titles

Dates and titles are the easiest claims to check, and the easiest to get wrong when a text is copied and summarised. In the timeline explorer below, pick events in the list to read their details and sources. Find:

- the day Trump was sworn in as president, and the day Rubio was confirmed as Secretary of State;
- the date of Rubio's Senate confirmation hearing;
- the date of the US–Russia talks in Riyadh;
- when armed men seized Crimea's parliament, when Russia annexed Crimea, and when Russia's full-scale invasion began.
""",
        """
## 2. 検証1：日付と肩書

日付と肩書は、最も確かめやすい記述であると同時に、文章が転載・要約されるうちに最も誤りやすい記述でもあります。下の年表エクスプローラーで、一覧から出来事を選ぶと詳しい内容と出典が表示されます。次のことを調べましょう。

- トランプ氏が大統領に就任した日と、ルビオ氏が国務長官に承認された日
- ルビオ氏の上院での指名公聴会の日付
- リヤドでの米ロ高官協議の日付
- 武装集団がクリミア議会を占拠した日、ロシアがクリミアを「併合」した日、ロシアによる全面侵攻が始まった日
""",
    ),
    code('lk.TimelineExplorer(course, start="2014-01-01", end="2025-02-28", lang=LANG)'),
    md(
        """
Now judge the five claims below. For each one, **decide first**, then press **Check** to compare your verdict with the sources. The verdicts are: *correct*, *wrong*, *misattributed* (someone else said it), *unsupported* (no source backs it) and *simplified or incomplete*. Each card shows the article's own Japanese wording with a translation below it. Be ready to name the event in the timeline that proves your verdict.
""",
        """
下の5つの記述を判定しましょう。それぞれ**まず自分で判定を決めてから**「答え合わせ」を押し、出典と照らし合わせます。判定は「正確」「誤り」「発言者の取り違え」「根拠がない」「単純化・不十分」の5つです。判定の根拠になる出来事を、年表の中から挙げられるようにしておきましょう。
""",
    ),
    code(
        'dates_and_titles = ["blog-date-may-18", "blog-trump-former-president", "blog-rubio-nominee-title",\n'
        '                    "blog-war-began-2022", "blog-rubio-hearing-putin-neutrality"]\n'
        "lk.ClaimCheck(course, claims=dates_and_titles, lang=LANG)"
    ),
    md(
        """
## 3. Check 2: who said it?

Many of the article's sentences are attributions, and a common error in summaries is to move words from one speaker to another. Below is what each side said about the Riyadh talks, with sources: the United States, Russia and Ukraine side by side. Each statement is marked as a verbatim quotation or a paraphrase. Look for:

- who said there have to be concessions by all sides;
- who spoke of ending the war in a way acceptable to all parties;
- who said decisions on ending the war cannot be made without Ukraine;
- what Lavrov said about troops from NATO countries.
""",
        """
## 3. 検証2：誰が言ったのか

記事の文の多くは発言の紹介です。要約の際によく起きる誤りは、ある人の言葉を別の人の言葉にしてしまうことです。下には、リヤド協議について各当事者が述べたことを、米国・ロシア・ウクライナに分けて出典とともに並べています。それぞれの発言には、「発言の引用」か「発言の要約」かが示されています。次の点を探しましょう。

- 「すべての当事者が譲歩しなければならない」と述べたのは誰か
- すべての当事者が受け入れ可能な形で戦争を終わらせると語ったのは誰か
- ウクライナ抜きで戦争終結を決めることはできないと述べたのは誰か
- NATO加盟国の部隊について、ラブロフ外相は何と述べたか
""",
    ),
    code('lk.accounts(course, "riyadh-talks-2025", parties=["us", "ru", "ua"], lang=LANG)'),
    md(
        """
Now judge these eight claims. For each attribution ask two questions: *did this person (or this side) say it?* and *did they say this much, or less?*
""",
        """
次の8つの記述を判定しましょう。発言の紹介については、「本当にその人（その国）が述べたか」「述べた内容はこれだけ強いものだったか、もっと控えめだったか」の2点を考えます。
""",
    ),
    code(
        'who_said_it = ["blog-trump-acceptable-to-all", "blog-russia-concessions-all-sides",\n'
        '               "blog-each-party-demands-participation", "blog-rubio-serious-process",\n'
        '               "blog-zelensky-rejects-deal-without-ukraine", "blog-lavrov-opposes-peacekeepers",\n'
        '               "blog-rubio-first-step", "blog-state-dept-high-level-teams"]\n'
        "lk.ClaimCheck(course, claims=who_said_it, lang=LANG)"
    ),
    md(
        """
## 4. Where does a fact come from?

The article cites three news reports; you have been checking it against the course's sources. Sources are not all equal:

1. **Primary records**: the original document of what was said or decided, such as an official readout, a declaration or a transcript (state.gov, nato.int, kremlin.ru, president.gov.ua). They are the best record of *what was said or decided*, though an official readout also shows what that government wants to stress.
2. **Original news agencies and newspapers** (Reuters, AP, AFP, Kyodo, Nikkei …): reporters who were there or who read the record. Cite the agency, not a copy of its story.
3. **Mirrors and aggregators**: sites that copy or summarise other outlets, like the article you are checking. Each copy is a chance for a date, a title or a speaker to go wrong, and the original gets harder to trace.

The table lists the sources the course uses for the Riyadh meeting. Which one is the primary record? Which publisher names show that an agency's story was read on another site (“via …”)?
""",
        """
## 4. 事実の出どころ

記事は3本の報道を出典に挙げていますが、皆さんはこの教材の出典と照らし合わせて検証してきました。出典はどれも同じではありません。

1. **一次資料**：発言や決定そのものの原本となる記録です。公式の発表文、宣言、記録文書など（state.gov、nato.int、kremlin.ru、president.gov.ua）。「何が述べられ、何が決まったか」を知るには最も確かな記録ですが、公式発表にはその政府が強調したい点が表れることにも注意しましょう。
2. **元の通信社・新聞**（ロイター、AP、AFP、共同通信、日本経済新聞など）：現場にいた、あるいは記録を読んだ記者の報道です。引用するときは転載ではなく、元の通信社を挙げましょう。
3. **転載サイト・まとめサイト**：ほかの報道を転載したり要約したりするサイトで、今日の記事もその一つです。転載されるたびに日付や肩書や発言者が誤って伝わる可能性があり、元の記事もたどりにくくなります。

下の表は、この教材がリヤドでの会合について使っている出典です。一次資料はどれでしょうか。通信社の記事を別のサイトで読んだことを示す発行元（「via …」）はどれでしょうか。
""",
    ),
    code(
        'sources = course.frame("sources", lang=LANG)\n'
        'riyadh = course.event("riyadh-talks-2025").sources\n'
        'sources[sources["id"].isin(riyadh)][["publisher", "title", "kind"]]'
    ),
    md(
        """
**State-run outlets.** A news agency run by a government, such as Russia's TASS, is a fair record of *what that government's officials said, announced or proposed*; on disputed facts it gives one side's account and must be checked against independent sources. The course cites TASS only in the first way: each title below reports what Russian officials said or proposed. The same care applies to every government's own channels, including the official readouts above.
""",
        """
**国営メディア**：ロシアのタス通信のように政府が運営する通信社は、「その政府の当局者が何を述べ、何を発表し、何を提案したか」の記録としては使えます。しかし争いのある事実については一方の側の説明であり、独立した出典と照らし合わせる必要があります。この教材では、タス通信を前者の目的でだけ引用しています。下の見出しは、どれもロシアの当局者が述べたことや提案したことを伝えるものです。同じ注意は、上の公式発表を含め、どの国の政府の発信にも当てはまります。
""",
    ),
    code('sources[sources["publisher"] == "TASS"][["title", "published"]]'),
    md(
        """
## 5. Check 3: the remaining claims

Seven claims are left: what was agreed in Riyadh, who was at the table, and what European leaders said the day before. Go back to the timeline explorer in part 2 and pick “US–Russia talks in Riyadh” (its agreed outcomes are listed) and “European leaders' emergency meeting in Paris”. Many of these claims are neither simply right nor simply wrong: decide whether the article says **more** than the sources (*unsupported*) or **less** (*simplified or incomplete*).

Work as a jigsaw (about 8 minutes): your teacher gives half the pairs the four claims whose cards say “section 1” and the other half the three that say “section 2”. Judge your claims (about 5 minutes), then tell a pair from the other half your verdicts and your reasons (about 3 minutes).

Finished early? `lk.ClaimCheck(course, lang="en")` shows all twenty claims of the article at once.
""",
        """
## 5. 検証3：残りの記述

残りは7つの記述です。リヤドで何が合意されたか、誰が出席したか、前日に欧州の首脳が何を述べたかについての記述です。2節の年表エクスプローラーに戻り、「リヤドでの米ロ高官協議」（合意事項が載っています）と「パリで欧州首脳の緊急会合」を選んで確かめましょう。ここでは、単純に正しい・誤りとは言えない記述が多くあります。記事が出典より**多くを**述べているのか（「根拠がない」）、**少なく**述べているのか（「単純化・不十分」）を考えましょう。

ジグソー形式で進めます（約8分）。先生の指示で、半数のペアはカードに「第1節」と表示される4つの記述を、残りのペアは「第2節」と表示される3つの記述を担当します。自分たちの記述を判定したら（約5分）、もう一方のグループのペアに判定とその理由を伝えましょう（約3分）。

早く終わった人は、`lk.ClaimCheck(course, lang="ja")` で記事の20の記述すべてを一度に確かめることができます。
""",
    ),
    code(
        'remaining = ["blog-territory-discussed", "blog-us-appoints-negotiators", "blog-germany-poland-negative",\n'
        '             "blog-italy-concerned", "blog-delegation-list", "blog-first-high-level-meeting",\n'
        '             "blog-diplomatic-missions-restored"]\n'
        "lk.ClaimCheck(course, claims=remaining, lang=LANG)"
    ),
    md(
        """
## 6. Discussion

Ground rules: disagree with ideas, not with people; say which source or fact your point rests on; you may argue for a view you do not hold.
""",
        """
## 6. 話し合い

約束：人ではなく考えに対して意見を述べましょう。自分の意見がどの出典や事実に基づいているかを示しましょう。自分とは違う立場から考えてみるのも構いません。
""",
    ),
    code('lk.discussion(course, "06", lang=LANG)'),
    md(
        """
## 7. Exit quiz

Answer each question, press **Check**, and read the explanation, including when you were right.
""",
        """
## 7. 確認クイズ

各問に答えて「答え合わせ」を押し、正解したときも解説を読みましょう。
""",
    ),
    code('lk.quiz(course, "06", "exit", lang=LANG)'),
]

write("06-reading-the-news", cells)
