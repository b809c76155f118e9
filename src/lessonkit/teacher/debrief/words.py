"""The debrief report's words and discussion prompts, both languages (ready to move into the catalogue)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Role-play debrief: {title}",
        "meta": "Positions and estimates as of {date}. {scored} deal files scored, {rejected} not read.",
        "model": "Scores: 0-100 for each party, how close the deal is to its position on each issue, weighted by "
        "its priorities (the course's estimate); an open issue counts half. Red lines are listed, not subtracted. "
        "See docs/roleplay.md.",
        "deals": "The deals side by side",
        "issue": "Issue",
        "open": "open",
        "deal_head": "{group} · {party} · {round}",
        "class": "class {name}",
        "score_row": "Score: {party}",
        "red_row": "Red lines crossed",
        "range_row": "Within every acceptable range (estimate)",
        "yes": "yes",
        "no": "no",
        "none": "none",
        "crossed": "{party}: {issue} ({how})",
        "stated": "stated",
        "estimate": "estimate",
        "outside": "outside the range of: {parties}",
        "chart": "The class's deals against the zone of agreement",
        "chart_note": "For each issue, its options from one pole to the other. Shaded and marked “zone”: options "
        "every party could accept by the course's estimates. Letters: each party's real position on {date}. "
        "Bars and numbers: how many of the class's deals chose the option (final deals in brackets).",
        "zone": "zone",
        "no_zone": "No option lies in every party's acceptable range.",
        "chart_alt": "{issue}: {counts}. Zone of agreement: {zone}. Positions: {positions}.",
        "count": "{option} {n}",
        "real": "The real positions as of {date}",
        "no_position": "no public position",
        "rejected": "Files not read",
        "rejected_none": "Every file was read.",
        "reason": "{file}: {reason}",
        "prompts": "Discussion prompts",
        "rounds": "opening|round 1|round 2|final",
    },
    "ja": {
        "title": "ロールプレイのふりかえり：{title}",
        "meta": "立場と推定は{date}時点のものです。"
        "採点した合意案ファイル{scored}件、読めなかったファイル{rejected}件。",
        "model": "点数：当事者ごとに0〜100点。各争点で案が当事者の立場にどれだけ近いかを、優先度（教材による推定）で"
        "重みづけしたものです。未定の争点は半分として数えます。レッドラインは差し引かず、別に示します。"
        "docs/roleplay.md を参照してください。",
        "deals": "合意案の比較",
        "issue": "争点",
        "open": "未定",
        "deal_head": "{group}・{party}・{round}",
        "class": "クラス{name}",
        "score_row": "点数：{party}",
        "red_row": "越えたレッドライン",
        "range_row": "すべての当事者の受け入れうる範囲内か（推定）",
        "yes": "はい",
        "no": "いいえ",
        "none": "なし",
        "crossed": "{party}：{issue}（{how}）",
        "stated": "表明",
        "estimate": "推定",
        "outside": "範囲外の当事者：{parties}",
        "chart": "クラスの合意案と合意可能領域",
        "chart_note": "争点ごとに、一方の極からもう一方の極までの選択肢を並べています。"
        "網かけと「領域」の印：教材の推定ですべての当事者が受け入れうる選択肢。文字：{date}時点の各当事者の実際の立場。棒と数字：クラスの合意案のうち、"
        "その選択肢を選んだ件数（かっこ内は最終合意）。",
        "zone": "領域",
        "no_zone": "すべての当事者が受け入れうる選択肢はありません。",
        "chart_alt": "{issue}：{counts}。合意可能領域：{zone}。立場：{positions}。",
        "count": "{option}{n}件",
        "real": "{date}時点の実際の立場",
        "no_position": "公の立場なし",
        "rejected": "読めなかったファイル",
        "rejected_none": "すべてのファイルを読みました。",
        "reason": "{file}：{reason}",
        "prompts": "話し合いのための問い",
        "rounds": "冒頭発言|第1ラウンド|第2ラウンド|最終合意",
    },
}

PROMPTS: dict[str, list[str]] = {
    "en": [
        "Which issue did your deals leave open most often, and why was it the hardest to decide?",
        "Which deal gave every party a fair score? Did any party accept a deal that crossed its own red line, "
        "and what reason did it give?",
        "Where do the class's deals lie against the zone of agreement? Where is there no zone, and what would have "
        "to change for one to appear?",
        "How do your deals compare with the parties' real positions on the scenario's date?",
        "What does the scoring model leave out (public opinion, the battlefield, trust and verification, third "
        "parties, the people affected), and how could each of these break your deal?",
        "Step out of role: what did you understand about a party you disagree with?",
    ],
    "ja": [
        "最も多く未定のまま残った争点はどれですか。それが最も決めにくかったのはなぜですか。",
        "すべての当事者にとって公平な点数になった案はどれですか。自分のレッドラインを越える案を受け入れた当事者はいましたか。"
        "その理由は何でしたか。",
        "クラスの合意案は合意可能領域と比べてどこにありますか。領域がない争点では、領域が生まれるには何が変わる必要がありますか。",
        "クラスの合意案を、場面設定の日付時点の各当事者の実際の立場と比べましょう。",
        "採点モデルが取りこぼしているもの（世論、戦況、信頼と検証、第三者、影響を受ける人々）は何ですか。"
        "それぞれが合意をどのように壊しうるでしょうか。",
        "役割から離れて考えましょう。自分とは考えの違う当事者について、何が分かりましたか。",
    ],
}
