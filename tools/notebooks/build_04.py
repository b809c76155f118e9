import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nbtool import code, md, write

cells = [
    md(
        """
# Lesson 4: Obstacles — nine issues and the search for a zone of agreement

Why is a ceasefire so hard to reach? In lesson 3 you compared what the parties demand. In this lesson you look at **nine issues** that a peace deal would have to settle, see where the United States, Russia, Ukraine and the European Union stand on each, and then try to build a deal yourself.

Run the cell below to see the lesson's objectives, plan and vocabulary.
""",
        """
# レッスン4　停戦を阻むもの：9つの争点と「合意可能領域」

なぜ停戦はこれほど難しいのでしょうか。レッスン3では各当事者の要求を比べました。このレッスンでは、和平合意で決着させなければならない**9つの争点**について、米国・ロシア・ウクライナ・欧州連合（EU）がそれぞれどこに立っているかを確かめ、そのうえで自分でも和平案をつくってみます。

下のセルを実行して、このレッスンの目標・流れ・用語を確認しましょう。
""",
    ),
    code('import lessonkit as lk\n\ncourse = lk.load_course()\nlk.lesson_intro(course, "04", lang=LANG)'),
    md(
        """
## 1. All nine issues at a glance (7 min)

The nine issues are: **territory**, Ukraine and **NATO**, **security guarantees**, **foreign troops** in Ukraine, **sanctions** relief, the **sequence** (ceasefire first or settlement first), **who takes part** in negotiations, **elections** and legitimacy, and **frozen Russian assets**.

The stance matrix below has one panel per issue. Each panel lists the issue's options from one end of the scale to the other. For each party:

- a **filled marker** is a position the party has stated itself, an **open marker** is the course's reading of its actions, **×** means no public position, and *(not recorded)* means the course has no record for that party and date;
- the **grey bar** shows the options the party could accept. This is an *estimate*: see section 2.

Hover over a marker to read the details.

**Try this:** find the issues where the grey bars of Russia and Ukraine do not overlap at all. On each of those issues, is the United States closer to one side, or between them?
""",
        """
## 1. 9つの争点を一覧する（7分）

9つの争点とは、**領土**、ウクライナの**NATO加盟**、**安全の保証**、ウクライナへの**外国部隊の駐留**、**制裁**の解除、停戦の**順序**（停戦が先か包括合意が先か）、交渉の**参加者**、**選挙**と正統性、**凍結されたロシア資産**です。

下の一覧図は争点ごとに1段になっていて、それぞれの段には選択肢が一方の端から他方の端へ並んでいます。各当事者について、

- **塗りつぶしの印**は当事者自身が表明した立場、**白抜きの印**は行動から教材が読み取った立場、「×」は公の立場がないこと、「（記録なし）」はその時点の記録が教材にないことを表します。
- **灰色の帯**は、その当事者が受け入れうる選択肢です。これは「推定」です（次の2節で説明します）。

印にマウスを重ねると詳しい内容が表示されます。

**やってみよう**：ロシアとウクライナの灰色の帯がまったく重ならない争点を探しましょう。そうした争点で、米国はどちらかの側に近いでしょうか、それとも両者の間にいるでしょうか。
""",
    ),
    code("lk.stance_matrix(course, lang=LANG)"),
    md(
        """
## 2. Demands, quotes and the basis of the estimates (6 min)

The matrix shows *where* each party stands. The **stance cards** below show *how we know*: each card gives the party's demand in a neutral summary, its own words where a quotation exists, the sources, and how its position changed over time.

**About the estimates.** What a party "could accept" is **an analytical estimate made by the authors of this course** from public statements and actions. It is not something the party has announced. Every estimate comes with a written *basis* and sources. Read them critically: would you draw the same conclusion from the same evidence?

**Try this:** the cards start with territory and the ceasefire sequence. Pick other issues in the *Issues* list (Ctrl-click or ⌘-click to pick several) and move the *Positions as of* date back to early 2025. Which parties changed their position during 2025, and on which issues?
""",
        """
## 2. 要求、発言、推定の根拠（6分）

一覧図は各当事者が「どこに」立っているかを示します。下の**立場カード**は「なぜそう言えるのか」を示します。カードには、当事者の要求の中立的なまとめ、発言の引用（ある場合）、出典、そして立場の移り変わりが載っています。

**推定について**　当事者が「受け入れうる」範囲は、**この教材の作成者が公の発言や行動から推定した分析上の見立て**です。当事者が発表したものではありません。どの推定にも文章による「根拠」と出典がついています。批判的に読みましょう。同じ証拠から、あなたも同じ結論を出すでしょうか。

**やってみよう**：カードは領土と停戦の順序から始まります。「争点」の一覧でほかの争点も選び（Ctrl キー、Mac では ⌘ キーを押しながらクリックすると複数選べます）、「時点」を2025年の初めに戻してみましょう。2025年の間に立場を変えたのはどの当事者で、どの争点についてでしょうか。
""",
    ),
    code(
        'lk.StanceComparison(course, parties=["us", "ru", "ua", "eu"], issues=["territory", "sequencing"], lang=LANG)'
    ),
    md(
        """
## 3. Territory on the map (7 min)

Territory is the hardest knot. "Freeze on the current line" and "withdraw from all of Donetsk" sound close, but they mean different things on the ground. The first map shows Ukraine's 27 regions today: which ones Russia annexed in 2014, which four it claims since 2022 and partly occupies, and which are under Ukrainian control. Each status has its own colour *and* pattern; hover over a region for its status, how much of it Russia holds, and the sources.

The next maps show two options of the territory issue: which regions each would leave **wholly** or **in part** under Russian control. The map shows whole regions only; it does not draw the front line inside a region.

**Try this:** compare the two option maps. Which region changes from "in part" to "whole"? Read its hover text: how much of it does Ukraine still hold? Then look at the four small maps of what each party demands: where do they differ?
""",
        """
## 3. 地図で見る領土問題（7分）

領土は最も解きにくい結び目です。「現在の前線で凍結」と「ドネツク州の残りから撤退」は似て聞こえますが、現地での意味は違います。最初の地図は、ウクライナの27の地域の現在の状況を示します。2014年にロシアが「併合」した地域、2022年からロシアが「併合」を主張し一部を占領している4州、ウクライナが支配する地域です。状況ごとに色だけでなく模様も変えてあります。地域にマウスを重ねると、状況、ロシアが支配する範囲、出典が読めます。

続く地図は、領土の争点の2つの選択肢について、ロシアの支配下に**全域**が残る地域と**一部**が残る地域を示します。地図は州単位で、州の中の前線は示していません。

**やってみよう**：2つの選択肢の地図を比べましょう。「一部」から「全域」に変わるのはどの州ですか。その州の説明を読み、ウクライナがまだどのくらいを保持しているかを確かめましょう。そのあと、各当事者の要求を示す4つの小さな地図を見ましょう。どこが違いますか。
""",
    ),
    code("lk.territory_map(course, lang=LANG)"),
    code('lk.territory_map(course, option="freeze-line", lang=LANG)'),
    code('lk.territory_map(course, option="cede-donetsk", lang=LANG)'),
    code("lk.demand_maps(course, lang=LANG)"),
    code("print(lk.demand_maps_text(course, lang=LANG))"),
    md(
        """
## 4. Negotiation sandbox: propose a deal (11 min)

Now you negotiate. In the sandbox, pick one option for each issue (you may leave some *not decided*). For each of the four principal parties, the sandbox shows which of your choices fall outside its estimated acceptable range. When you pick a territory option, a map shows which regions it would leave under Russian control. Below the deal it lists the **zones of agreement**: the options that every party could accept.

**Try this, in pairs:**

1. Build the deal you think is fairest. Whose limits does it cross, and on which issues?
2. Change one issue at a time. Can you find a deal that crosses nobody's limits? If not, on which issues is that impossible?
3. Read the list of zones of agreement. On how many issues is there *no zone of agreement*? Write the number down: you will need it in the quiz.
4. Open *Where the estimates come from*. Pick one estimate you find convincing and one you would question, and say why.
""",
        """
## 4. 交渉シミュレーター：和平案をつくる（11分）

いよいよ交渉です。シミュレーターで争点ごとに選択肢を1つずつ選びます（「未定」のままの争点があってもかまいません）。シミュレーターは主要4者それぞれについて、あなたの選んだ選択肢のうち推定上の受け入れ範囲の外にあるものを示します。領土の選択肢を選ぶと、ロシアの支配下に残る地域が地図に表示されます。案の下には**合意可能領域**、つまりすべての当事者が受け入れうる選択肢が一覧になっています。

**やってみよう**（2人1組で）：

1. 最も公正だと思う案をつくりましょう。その案は誰の限界を、どの争点で超えていますか。
2. 争点を1つずつ変えてみましょう。誰の限界も超えない案は見つかりますか。見つからないなら、どの争点でそれが不可能ですか。
3. 合意可能領域の一覧を読みましょう。「合意可能領域なし」の争点はいくつありますか。確認クイズで使うので、数を書き留めておきましょう。
4. 「推定の根拠」を開き、納得できる推定と疑問に思う推定を1つずつ選んで、その理由を話し合いましょう。
""",
    ),
    code("lk.NegotiationSandbox(course, lang=LANG)"),
    md(
        """
### Who is far apart from whom?

A zone of agreement depends on *who* must agree. The sandbox below compares **only Russia and Ukraine**, the two warring parties. Compare its list of zones of agreement with the one above.

**Try this:** change the parties in the cell, for example to `["us", "ru"]` or `["us", "ua"]`, and run it again. Between which parties are the gaps widest? What does that suggest about the role of a mediator, and about how hard a mediator's job is?
""",
        """
### 誰と誰の間の溝が深いのか

合意可能領域は、「誰が」合意しなければならないかによって変わります。下のシミュレーターは、交戦している**ロシアとウクライナだけ**を比べます。合意可能領域の一覧を上のものと比べましょう。

**やってみよう**：セルの当事者を `["us", "ru"]` や `["us", "ua"]` などに変えて、もう一度実行しましょう。溝が最も深いのはどの当事者の間ですか。そこから、仲介者の役割や、その仕事の難しさについて何が言えるでしょうか。
""",
    ),
    code('lk.NegotiationSandbox(course, parties=["ru", "ua"], lang=LANG)'),
    md(
        """
## 5. What could change? (discussion, 8 min)

The estimates describe positions as of the course's date, 15 February 2026, and positions have moved before: the stance cards show how. This course groups the obstacles into five knots that an agreement would have to untie:

1. **Sequencing:** a ceasefire first, or only together with a full settlement?
2. **Territory:** where would the line run, and would anyone recognise it?
3. **Guarantees or neutrality:** what protects Ukraine after a ceasefire, and what would Russia accept?
4. **Format and legitimacy:** who sits at the table, and who can sign for Ukraine?
5. **Sanctions and frozen assets as bargaining chips:** should they be traded, when, and who decides?

Each party gives reasons for its position. In the discussion, first state each party's reasons in its own words, then say what you think and why. You do not have to say which side you are on.
""",
        """
## 5. 何が変われば合意できるか（話し合い、8分）

推定は教材の基準日（2026年2月15日）時点の立場を表したもので、立場はこれまでも動いてきました（立場カードで確かめられます）。この教材では、合意のためにほどかなければならない「結び目」を次の5つにまとめています。

1. **順序：** まず停戦か、包括的な合意と同時か。
2. **領土：** 線をどこに引き、それを誰かが承認するのか。
3. **安全の保証か中立か：** 停戦後のウクライナを何が守り、ロシアは何なら受け入れるのか。
4. **枠組みと正統性：** 誰が交渉の席に着き、誰がウクライナを代表して署名できるのか。
5. **取引材料としての制裁と凍結資産：** 取引に使うべきか、いつ使うのか、誰が決めるのか。

どの当事者にも、その立場をとる理由があります。話し合いでは、まず各当事者の理由をその当事者の言葉で説明し、そのうえで自分の考えとその理由を述べましょう。自分がどちらの側に立つかを言う必要はありません。
""",
    ),
    code('lk.discussion(course, "04", lang=LANG)'),
    md(
        """
## 6. Exit quiz (7 min)

Answer the questions and press **Check** to see feedback. The lines under each explanation name the events and stances to look at again. At the end, type your name and press **Save my answers**.
""",
        """
## 6. 確認クイズ（7分）

問題に答えて「答え合わせ」を押すと、フィードバックが表示されます。解説の下には、見直すとよい出来事と立場が示されます。最後に名前を入力して「回答を保存」を押しましょう。
""",
    ),
    code('lk.quiz(course, "04", "exit", lang=LANG)'),
]
write("04-obstacles", cells)
