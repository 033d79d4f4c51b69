<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="118"/>
        <source>About %1</source>
        <translation>%1 について</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="129"/>
        <source>Customer engagement for a small shop, offline.</source>
        <translation>小さなお店の顧客エンゲージメントを、オフラインで。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="130"/>
        <source>Bundled libraries</source>
        <translation>同梱ライブラリ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="131"/>
        <source>Qt is used under the LGPL v3. Your shop data never leaves this computer.</source>
        <translation>Qt は LGPL v3 のもとで使用しています。ショップのデータがこのパソコンの外に出ることはありません。</translation>
    </message>
</context>
<context>
    <name>ActionsView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/actions.py" line="87"/>
        <source>Where they buy (share of their orders): %1</source>
        <translation>購入先（注文数に占める割合）：%1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../engage_desktop/ui/app.py" line="138"/>
        <source>Something went wrong: %1
Details are in %2.</source>
        <translation>予期しない問題が発生しました: %1
詳しい記録は %2 に保存されています。</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../engage_desktop/ui/background.py" line="21"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="21"/>
        <source>Backups of %1</source>
        <translation>%1 のバックアップ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="25"/>
        <source>Made</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="25"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="25"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="38"/>
        <source>A copy of the shop file is kept before each import and undo, and once a day. Restoring one puts it in place of the shop file; the current file is kept as one more backup.</source>
        <translation>取り込みと取り消しの前、そして1日1回、ショップファイルのコピーを保存しています。復元すると、選んだコピーがショップファイルに置き換わります。今のファイルもバックアップとして残ります。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="41"/>
        <source>Restore the selected backup</source>
        <translation>選んだバックアップを復元</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="44"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="54"/>
        <source>No backups yet: the first is made before the next import.</source>
        <translation>バックアップはまだありません。次の取り込みの前に作られます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="63"/>
        <source>Restore a backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/backups_dialog.py" line="64"/>
        <source>Put the backup of %1 in place of the shop file? Everything imported after it is no longer in the shop (the current file is kept as a backup).</source>
        <translation>%1 のバックアップでショップファイルを置き換えますか？ それより後に取り込んだデータはショップから消えます（今のファイルはバックアップとして残ります）。</translation>
    </message>
</context>
<context>
    <name>CohortsView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/cohorts.py" line="58"/>
        <source>The 100-day plan: customers who reached a step within so many days of their first purchase, by the month of that purchase</source>
        <translation>100日ファン化計画: 初回購入から何日以内に各ステップへ到達したか（初回購入の月ごと）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/cohorts.py" line="60"/>
        <source>Only customers who have had the days count: a customer who bought last week is not yet counted for 30 days. Grey: fewer than %1 customers, too few to tell. Click a cell for its customers.</source>
        <translation>その日数がまだ経っていないお客様は数えていません（先週初めて購入したお客様は、30日の欄にはまだ入りません）。灰色のセルはお客様が%1人未満で、判断するには少なすぎます。セルをクリックすると、そのお客様を一覧表示します。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/cohorts.py" line="73"/>
        <source>Step %1
within %n day(s)</source>
        <translation>
            <numerusform>ステップ%1
%n日以内</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/cohorts.py" line="76"/>
        <source>%1 of %2 customers</source>
        <translation>%2人中 %1人</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/cohorts.py" line="82"/>
        <source>Click a cell for its customers</source>
        <translation>セルをクリックするとお客様を表示</translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="86"/>
        <source>Save these comments as CSV or Excel</source>
        <translation>これらのコメントをCSVまたはExcelで保存します</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="89"/>
        <source>(%Ln comment(s))</source>
        <translation>
            <numerusform>（%Ln件のコメント）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommentsView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="180"/>
        <source>NPS group:</source>
        <translation>NPSの区分:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="180"/>
        <source>Fan degree:</source>
        <translation>ファン度:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="180"/>
        <source>Liking:</source>
        <translation>好き度:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="181"/>
        <source>Journey step:</source>
        <translation>ジャーニーのステップ:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="181"/>
        <source>Tier:</source>
        <translation>LTV層:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="181"/>
        <source>Period:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="182"/>
        <source>Question:</source>
        <translation>質問:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="182"/>
        <source>Search:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="182"/>
        <source>beside</source>
        <translation>と比べる</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="183"/>
        <source>Zone:</source>
        <translation>ゾーン：</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="186"/>
        <source>All answers</source>
        <translation>すべての回答</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="186"/>
        <source>Promoters (9-10)</source>
        <translation>推奨者（9〜10）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="187"/>
        <source>Passives (7-8)</source>
        <translation>中立者（7〜8）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="187"/>
        <source>Detractors (0-6)</source>
        <translation>批判者（0〜6）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="193"/>
        <location filename="../../engage_desktop/ui/views/comments.py" line="197"/>
        <source>Any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="196"/>
        <source>All customers</source>
        <translation>すべてのお客様</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="198"/>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="199"/>
        <source>Every free-text question</source>
        <translation>すべての自由記述の質問</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="200"/>
        <source>Words in the comment (Enter)</source>
        <translation>コメント内の言葉（入力して確定すると検索）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="201"/>
        <source>What they talk about: comments that use each word (click a word for them)</source>
        <translation>よく話題になる言葉: その言葉を使ったコメント数（言葉をクリックするとコメントを表示）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="202"/>
        <source>Hide this word</source>
        <translation>この言葉を非表示</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="203"/>
        <source>Leave the selected word out of the counts (your shop&apos;s name, say)</source>
        <translation>選んだ言葉を集計から外します（ショップ名など）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="204"/>
        <source>Show hidden words</source>
        <translation>非表示の言葉を戻す</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="205"/>
        <source>All comments</source>
        <translation>すべてのコメント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="206"/>
        <source>Unmatched answers…</source>
        <translation>お客様につながらない回答…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="207"/>
        <source>Match by another column…</source>
        <translation>別の列で照合…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="208"/>
        <source>Undo column matches</source>
        <translation>列での照合を取り消す</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="214"/>
        <source>No survey comments yet. Import a survey export whose form has a free-text question (Google Forms or SurveyMonkey CSV) with File ▸ Import files…</source>
        <translation>アンケートのコメントはまだありません。自由記述の質問があるアンケートの回答（GoogleフォームやSurveyMonkeyのCSV）を「ファイル ▸ ファイルを取り込む…」で取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="245"/>
        <source>Comments with 「%1」</source>
        <translation>「%1」を含むコメント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="245"/>
        <source>What customers wrote</source>
        <translation>お客様のコメント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="256"/>
        <source>Word</source>
        <translation>言葉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="256"/>
        <location filename="../../engage_desktop/ui/views/comments.py" line="257"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n件のコメント</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="257"/>
        <source>Share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="272"/>
        <source>A word counts once per comment. Particles and common words are left out.</source>
        <translation>言葉は1件のコメントにつき1回と数えます。助詞やよく使われる言葉は除いています。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="273"/>
        <source>Hidden: %1</source>
        <translation>非表示: %1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="282"/>
        <source>e-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="282"/>
        <source>customer ID</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="282"/>
        <source>another column</source>
        <translation>別の列</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="284"/>
        <source>Answers that reach a customer who bought: %1 of %2 (%3)</source>
        <translation>購入したお客様につながった回答: %2件中%1件（%3）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="343"/>
        <source>Match by another column</source>
        <translation>別の列で照合</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="344"/>
        <source>%n answer(s) now reach a customer.</source>
        <translation>
            <numerusform>%n件の回答がお客様につながりました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="24"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="25"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="26"/>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="28"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="32"/>
        <source>First order</source>
        <translation>初回購入</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="33"/>
        <source>Last order</source>
        <translation>最終購入</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="34"/>
        <source>Days since last order</source>
        <translation>最終購入からの日数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="27"/>
        <source>Purchases</source>
        <translation>購入回数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="29"/>
        <source>Average order value</source>
        <translation>平均購入単価</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="30"/>
        <source>Annual LTV</source>
        <translation>年間LTV</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="31"/>
        <source>Annual LTV as profit</source>
        <translation>年間LTV（粗利）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="35"/>
        <source>LTV tier</source>
        <translation>LTV層</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="36"/>
        <source>R (recency)</source>
        <translation>R（最新購入）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="37"/>
        <source>F (frequency)</source>
        <translation>F（購入回数）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="38"/>
        <source>RFM segment</source>
        <translation>RFMセグメント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="44"/>
        <source>Answered</source>
        <translation>回答日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="47"/>
        <source>Recommend (0-10)</source>
        <translation>おすすめ度（0〜10）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="48"/>
        <source>Order</source>
        <translation>注文</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="49"/>
        <source>Ordered at</source>
        <translation>注文日時</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="50"/>
        <source>Sales channel</source>
        <translation>販路</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="51"/>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="52"/>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="53"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="54"/>
        <source>Usual days between purchases</source>
        <translation>いつもの購入間隔（日）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="39"/>
        <source>Chance of buying again</source>
        <translation>また買ってくれる見込み</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="40"/>
        <source>Expected purchases (90 days)</source>
        <translation>予測購入回数(90日)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="41"/>
        <source>Expected purchases (1 year)</source>
        <translation>予測購入回数(1年)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="42"/>
        <source>Expected next order</source>
        <translation>次回購入の予想日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="43"/>
        <source>Predicted value (1 year)</source>
        <translation>予測LTV(1年)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="45"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="46"/>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="55"/>
        <source>Where they buy</source>
        <translation>購入先</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="56"/>
        <source>Journey step</source>
        <translation>ジャーニーのステップ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="57"/>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="58"/>
        <source>Goal of the step</source>
        <translation>ステップの目標</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="59"/>
        <source>Measures for the step</source>
        <translation>ステップの施策</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="60"/>
        <source>Why on the list</source>
        <translation>リストに載っている理由</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="61"/>
        <source>Engagement zone</source>
        <translation>エンゲージメントゾーン</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="62"/>
        <source>Fan degree (1-6)</source>
        <translation>ファン度（1〜6）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="63"/>
        <source>Liking (1-7)</source>
        <translation>好き度（1〜7）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="133"/>
        <source>Search name, e-mail…</source>
        <translation>氏名・メールアドレスで検索…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="134"/>
        <source>Export list…</source>
        <translation>リストを書き出し…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="135"/>
        <source>Save these customers as CSV or Excel, as an action list for a campaign</source>
        <translation>この顧客リストをCSVかExcelで保存します（施策の対象者リストに使えます）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="179"/>
        <source>(%Ln customer(s))</source>
        <translation>
            <numerusform>（%Ln人）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="180"/>
        <source>(%1 of %Ln customer(s))</source>
        <translation>
            <numerusform>（%Ln人中 %1人）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="190"/>
        <location filename="../../engage_desktop/ui/customer_list.py" line="202"/>
        <source>Export list</source>
        <translation>リストを書き出し</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="191"/>
        <source>The search shows %1 of %2 customers. Which do you want to save?</source>
        <translation>検索で %2人中 %1人を表示しています。どちらを保存しますか？</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="193"/>
        <source>The %1 shown</source>
        <translation>表示中の %1人</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="194"/>
        <source>All %1</source>
        <translation>全 %1人</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="203"/>
        <source>CSV for Excel (UTF-8) (*.csv);;CSV Shift_JIS (CP932) (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>Excel用CSV (UTF-8) (*.csv);;CSV Shift_JIS (CP932) (*.csv);;Excelブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="226"/>
        <source>Characters Shift_JIS cannot hold</source>
        <translation>Shift_JIS で保存できない文字</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="227"/>
        <source>%n character(s) of this list cannot be written in Shift_JIS (%1) and would become &apos;?&apos;. Save it as UTF-8 instead (Excel opens it as well)?</source>
        <translation>
            <numerusform>このリストには Shift_JIS で保存できない文字が %n 文字あり（%1）、「?」に置き換わってしまいます。代わりに UTF-8 で保存しますか？（UTF-8 でも Excel で開けます）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="235"/>
        <source>Could not save the list: %1</source>
        <translation>リストを保存できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="258"/>
        <source>this customer</source>
        <translation>このお客様</translation>
    </message>
</context>
<context>
    <name>EngagementView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="108"/>
        <source>No survey answers yet. Import your survey export (Google Forms or SurveyMonkey CSV) with File ▸ Import files…</source>
        <translation>アンケートの回答がまだありません。アンケートのエクスポート（GoogleフォームやSurveyMonkeyのCSV）を［ファイル］▸［ファイルを取り込む…］で取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="117"/>
        <source>Engagement zones on the fan degree × liking map</source>
        <translation>ファン度×好き度のマップ上のエンゲージメントゾーン</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="118"/>
        <source>Rows: fan degree 1 (not a fan) to 6 (part of my life). Columns: liking 1 (don&apos;t like it at all) to 7 (real love). Each cell: its answers. Point at a number for the answer&apos;s words.</source>
        <translation>行：ファン度1（ファンではない）〜6（もはや人生の一部）。列：好き度1（正直全く好きではない）〜7（愛があると言えるほど大好き）。各マスは回答数。番号にカーソルを合わせると回答の文言を表示します。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="121"/>
        <source>Edit zones…</source>
        <translation>ゾーンを編集…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="122"/>
        <source>Customers by zone (click a zone for its customers)</source>
        <translation>ゾーン別の顧客（ゾーンをクリックすると顧客を表示）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="123"/>
        <source>Does it show in what they buy?</source>
        <translation>購買行動に表れているか？</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="124"/>
        <source>Customers in each zone at each month&apos;s end</source>
        <translation>各月末時点のゾーン別顧客数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="125"/>
        <source>By each customer&apos;s latest answer. Repeat rate: buyers with two orders or more; orders a year and annual LTV: averages over the buyers.</source>
        <translation>各顧客の最新の回答で分類。リピート率：2回以上購入した購入者の割合。年間購入回数と年間LTV：購入者の平均。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="148"/>
        <source>Zone</source>
        <translation>ゾーン</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="148"/>
        <source>Share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="148"/>
        <source>± margin</source>
        <translation>誤差±</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="148"/>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="156"/>
        <source>Number of customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="150"/>
        <source>too few</source>
        <translation>回答不足</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="156"/>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="156"/>
        <source>Buyers</source>
        <translation>購入者</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="156"/>
        <source>Repeat rate</source>
        <translation>リピート率</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="157"/>
        <source>Orders a year</source>
        <translation>年間購入回数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="157"/>
        <source>Annual LTV</source>
        <translation>年間LTV</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="157"/>
        <source>Revenue share</source>
        <translation>売上構成比</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="179"/>
        <source>Customers in %1</source>
        <translation>%1の顧客</translation>
    </message>
</context>
<context>
    <name>FunnelDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="289"/>
        <source>Pre-purchase counts</source>
        <translation>購入前の段階の人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="299"/>
        <source>Counts you know from outside the shop system, e.g. page views or visitors. Leave a stage at — if you do not know it.</source>
        <translation>ショップのシステムの外で分かる人数（ページの閲覧数、来店者数など）を入力します。分からない段階は「—」のままにしてください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="303"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="77"/>
        <source>Click a card for the view that explains it.</source>
        <translation>カードをクリックすると、詳しい画面が開きます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="78"/>
        <source>Whom to contact next</source>
        <translation>次に連絡する顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="83"/>
        <source>The shop in %1, the latest full month</source>
        <translation>%1（最新の締まった月）のお店</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="84"/>
        <source>No full month yet</source>
        <translation>まだ締まった月がありません</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="87"/>
        <source>On the month before: %1</source>
        <translation>前月比：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="88"/>
        <source>On a year before: %1</source>
        <translation>前年同月比：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="90"/>
        <location filename="../../engage_desktop/ui/views/home.py" line="136"/>
        <source>Gross profit: %1</source>
        <translation>粗利：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="92"/>
        <source>Fewer than %1 answers in the month: too few to tell.</source>
        <translation>この月の回答は%1件未満：少なすぎて判断できません。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="104"/>
        <source>… and %1 more</source>
        <translation>…ほか%1人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="105"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="106"/>
        <source>Nobody on this list today.</source>
        <translation>今日はこのリストに該当する顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="113"/>
        <source>%1 pt</source>
        <translation>%1ポイント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="120"/>
        <source>A round reached: %1 months up in a row.</source>
        <translation>ワンクール達成：%1か月連続で上昇しています。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="122"/>
        <source>%n more month(s) up for a round of %1.</source>
        <translation>
            <numerusform>ワンクール（%1か月）まであと%nか月。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="124"/>
        <source>Rounds reached: %1</source>
        <translation>これまでのワンクール：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="124"/>
        <source>No round reached yet.</source>
        <translation>ワンクールはまだ達成していません。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="125"/>
        <source>Round: %1 up month over month</source>
        <translation>ワンクール：%1の前月比アップ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="126"/>
        <source>%n month(s) in a row</source>
        <translation>
            <numerusform>%nか月連続</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="131"/>
        <location filename="../../engage_desktop/ui/views/home.py" line="137"/>
        <source>Predicted value next year</source>
        <translation>来年の予測LTV</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="131"/>
        <source>Not reliable yet</source>
        <translation>まだ信頼できません</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="134"/>
        <source>%1 purchases expected from today&apos;s customers</source>
        <translation>今の顧客から%1回の購入が見込まれます</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="142"/>
        <location filename="../../engage_desktop/ui/views/home.py" line="149"/>
        <source>Last import</source>
        <translation>最後の取り込み</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="142"/>
        <source>Nothing imported yet.</source>
        <translation>まだ何も取り込んでいません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="144"/>
        <source>%Ln row(s) imported, %1 updated, %2 rejected</source>
        <translation>
            <numerusform>%Ln行を取り込み、%1件を更新、読めなかった行 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="147"/>
        <source>%Ln new customer(s), revenue %1</source>
        <translation>
            <numerusform>新規顧客%Ln人、売上%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/home.py" line="153"/>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="72"/>
        <source>Import files</source>
        <translation>ファイルの取り込み</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="86"/>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="86"/>
        <source>Remove</source>
        <translation>リストから外す</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="90"/>
        <source>Files to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="105"/>
        <source>Where this file comes from. Files from one shop or till share a source; a second shop on the same platform needs a name of its own.</source>
        <translation>このファイルがどのお店・レジのデータかを示す名前です。同じお店やレジのファイルには同じ取り込み元を選びます。同じサービスで2店目を運営している場合は、別の名前を付けてください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="107"/>
        <source>Decide from the file</source>
        <translation>ファイルから判定</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="110"/>
        <source>As the file says</source>
        <translation>ファイルの表記どおり</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="116"/>
        <source>Detect automatically</source>
        <translation>自動判定</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="126"/>
        <source>Contents:</source>
        <translation>データの種類:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="126"/>
        <source>Encoding:</source>
        <translation>文字コード:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="126"/>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="127"/>
        <source>Dates written like:</source>
        <translation>日付の書き方:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="127"/>
        <source>Currency:</source>
        <translation>通貨:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="128"/>
        <source>Source:</source>
        <translation>取り込み元:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="133"/>
        <source>Field</source>
        <translation>データ項目</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="133"/>
        <source>Column in your file</source>
        <translation>ファイルの列</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="136"/>
        <source>Remember this mapping for files with the same columns</source>
        <translation>同じ列のファイルには、次回からこの列の対応づけを使う</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="149"/>
        <source>Column mapping (change it if a field is wrong)</source>
        <translation>列の対応づけ（違っていたら変更してください）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="150"/>
        <source>Preview: the first rows as they will be imported</source>
        <translation>プレビュー（先頭の行をどう取り込むか）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="155"/>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="414"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="158"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="161"/>
        <source>Nothing is written to your shop until you press Import.</source>
        <translation>「取り込む」を押すまで、ショップには何も書き込まれません。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="181"/>
        <source>Export files</source>
        <translation>エクスポートファイル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="181"/>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="183"/>
        <source>Choose export files</source>
        <translation>エクスポートファイルを選択</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="244"/>
        <source>cannot be imported</source>
        <translation>取り込めません</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="263"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="265"/>
        <source>please check the mapping</source>
        <translation>列の対応づけを確認してください</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="265"/>
        <source>recognised</source>
        <translation>自動で判定しました</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="267"/>
        <source>columns as you chose them</source>
        <translation>列はあなたが選んだとおり</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="292"/>
        <source>will be imported</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="292"/>
        <source>rejected</source>
        <translation>読めない</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="292"/>
        <source>skipped</source>
        <translation>対象外</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="306"/>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="538"/>
        <source>Line</source>
        <translation>行番号</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="306"/>
        <source>What happens</source>
        <translation>扱い</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="348"/>
        <source>Needed to import: choose the column that holds it.</source>
        <translation>取り込みに必要です。この項目が入っている列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="357"/>
        <source>Several columns…</source>
        <translation>複数の列…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="378"/>
        <source>Columns for %1</source>
        <translation>%1 の列</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="379"/>
        <source>Tick the columns that together hold %1; they are joined in the file&apos;s order.</source>
        <translation>%1 を分けて持っている列に印を付けてください。ファイルの列の順につなげて読みます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/import_wizard.py" line="414"/>
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>%n件のファイルを取り込む</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="421"/>
        <source>Cancel import</source>
        <translation>取り込みを中止</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="439"/>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="454"/>
        <source>Cancelling… the shop is left as it was before this file.</source>
        <translation>中止しています… ショップはこのファイルを取り込む前の状態のままです。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="482"/>
        <source>Save rejected rows as CSV…</source>
        <translation>読めなかった行をCSVで保存…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="484"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="488"/>
        <source>Rejected rows and why</source>
        <translation>読めなかった行とその理由</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="498"/>
        <source>imported</source>
        <translation>取り込み済み</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="503"/>
        <source>nothing new (the rows that could be read are in the shop already)</source>
        <translation>新しいデータなし（読めた行はすべてショップにあります）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="504"/>
        <source>nothing new (all rows already in the shop)</source>
        <translation>新しいデータなし（すべて取り込み済み）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="498"/>
        <source>refused, nothing written</source>
        <translation>取り込めませんでした（何も書き込んでいません）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="268"/>
        <source>confidence %1 (%2)</source>
        <translation>判定の確度 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="499"/>
        <source>cancelled, nothing written</source>
        <translation>中止しました（何も書き込んでいません）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="505"/>
        <source>read %1, imported %2, rejected %3, skipped %4</source>
        <translation>読んだ行 %1、取り込んだ行 %2、読めなかった行 %3、対象外の行 %4</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="538"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="538"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="538"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="538"/>
        <source>Original text</source>
        <translation>元の内容</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/import_wizard.py" line="528"/>
        <source>Save rejected rows</source>
        <translation>読めなかった行を保存</translation>
    </message>
</context>
<context>
    <name>ImportsView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="64"/>
        <source>Imported files: every row is read, imported, rejected or skipped</source>
        <translation>取り込んだファイル（読んだ行は、取り込んだ行・読めなかった行・対象外の行のどれかに分かれます）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="65"/>
        <source>Import files…</source>
        <translation>ファイルを取り込む…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="66"/>
        <source>Undo this import…</source>
        <translation>この取り込みを取り消す…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="67"/>
        <source>Rejected rows of the selected import</source>
        <translation>選んだ取り込みの読めなかった行</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="76"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="76"/>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="76"/>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="76"/>
        <source>Read</source>
        <translation>読んだ行</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="76"/>
        <source>Imported</source>
        <translation>取り込んだ行</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="77"/>
        <source>Rejected</source>
        <translation>読めなかった行</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="77"/>
        <source>Skipped</source>
        <translation>対象外の行</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="77"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="77"/>
        <source>Finished</source>
        <translation>完了日時</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="83"/>
        <location filename="../../engage_desktop/ui/views/imports.py" line="107"/>
        <source>Line</source>
        <translation>行番号</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="83"/>
        <location filename="../../engage_desktop/ui/views/imports.py" line="107"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="83"/>
        <location filename="../../engage_desktop/ui/views/imports.py" line="107"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="83"/>
        <location filename="../../engage_desktop/ui/views/imports.py" line="107"/>
        <source>Original text</source>
        <translation>元の内容</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="118"/>
        <source>Undo import</source>
        <translation>取り込みの取り消し</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/imports.py" line="119"/>
        <source>Remove everything that import #%1 (%2) added to the shop? The file itself is not touched.</source>
        <translation>取り込み #%1（%2）で追加したデータを、ショップからすべて取り除きますか？ 元のファイルは変更しません。</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="157"/>
        <source>Funnel, from</source>
        <translation>ファネルの期間:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="158"/>
        <source>Pre-purchase counts…</source>
        <translation>購入前の段階の人数…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="159"/>
        <source>Step rules…</source>
        <translation>ステップの条件…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="160"/>
        <source>Double-click a yellow cell to write touchpoints and notes, a green one to add a measure for the step (all of them are in the Measures view). Click a step to list its customers; point at a goal to see what the shop does.</source>
        <translation>黄色のセルをダブルクリックすると顧客接点とメモを書き込め、緑のセルではそのステップの施策を追加できます（施策の一覧は「施策」画面にあります）。ステップをクリックするとそのステップの顧客を一覧表示し、項目にマウスを合わせるとお店がすること（説明）を表示します。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <source>Emotion</source>
        <translation>感情の変化</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <source>Goal</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <source>Rule</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <location filename="../../engage_desktop/ui/views/journey.py" line="202"/>
        <source>Customers now</source>
        <translation>今いる人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <source>Dormant now</source>
        <translation>休眠中の人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="163"/>
        <source>Promoters at the step</source>
        <translation>このステップの推奨者</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="164"/>
        <source>Reached</source>
        <translation>到達した人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="164"/>
        <source>Moved on</source>
        <translation>次へ進んだ割合</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="165"/>
        <source>Median days to reach</source>
        <translation>到達までの日数（中央値）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="165"/>
        <source>Touchpoints</source>
        <translation>顧客接点</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="165"/>
        <source>Average liking (1-7)</source>
        <translation>好き度の平均（1〜7）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="166"/>
        <source>Measures</source>
        <translation>施策</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="166"/>
        <source>Memo</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="184"/>
        <source>Step %1</source>
        <translation>ステップ%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/journey.py" line="191"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="203"/>
        <source>Liking (1-7)</source>
        <translation>好き度（1〜7）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="205"/>
        <source>Emotion curve: customers now at each step (bars) and their average liking (line)</source>
        <translation>感情曲線: 各ステップに今いる人数（棒）と好き度の平均（線）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/journey.py" line="219"/>
        <source>(%n month(s))</source>
        <translation>
            <numerusform>（%nか月）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="225"/>
        <source>%1 of %2 months counted</source>
        <translation>%2か月中%1か月に入力あり</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="226"/>
        <source>Your counts for the months of the period, summed (Pre-purchase counts…).</source>
        <translation>期間内の各月に入力した人数の合計です（購入前の段階の人数…）。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="228"/>
        <source>first purchase in the period</source>
        <translation>期間内に初回購入</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="229"/>
        <source>Customers whose first purchase is in the period.</source>
        <translation>初回購入が期間内の顧客の数です。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="231"/>
        <source>of them, bought again</source>
        <translation>うち再び購入</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="232"/>
        <source>Of the customers whose first purchase is in the period, those who bought again (up to the as-of date).</source>
        <translation>初回購入が期間内の顧客のうち、基準日までにもう一度購入した顧客の数です。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="238"/>
        <source>No rate: a stage on either side has no count for some months of the period.</source>
        <translation>移行率なし: 前後どちらかの段階に、期間内で入力のない月があります。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="241"/>
        <source>Share of the stage before that reached this one, over the same months.</source>
        <translation>同じ期間で、前の段階からこの段階へ進んだ割合です。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="251"/>
        <source>Customers at step %1 (dormant too): %2</source>
        <translation>ステップ%1「%2」の顧客（休眠中を含む）</translation>
    </message>
</context>
<context>
    <name>LtvView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="87"/>
        <source>Edit tiers…</source>
        <translation>LTV層を編集…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="88"/>
        <source>Customer groups by LTV (average order value × purchases per year)</source>
        <translation>LTV層別の顧客（平均購入単価 × 年間購入回数）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="89"/>
        <source>Pareto view: revenue by decile of customers</source>
        <translation>パレート図（顧客のデシル別の売上）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="105"/>
        <source>Rule</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="105"/>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="116"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="105"/>
        <source>LTV tier</source>
        <translation>LTV層</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="105"/>
        <source>Number of
customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="106"/>
        <source>Revenue
share</source>
        <translation>売上構成比</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="106"/>
        <source>Average
annual LTV</source>
        <translation>年間LTVの平均</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="106"/>
        <source>Repeat
rate</source>
        <translation>リピート率</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="107"/>
        <source>Days since
last order</source>
        <translation>最終購入からの日数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/ltv.py" line="111"/>
        <source>Only %n customer(s): tier shares and deciles are not meaningful yet.</source>
        <translation>
            <numerusform>顧客が %n 人しかいないため、LTV層の売上構成比やデシルはまだ参考になりません。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="117"/>
        <source>Cumulative share (%)</source>
        <translation>累積構成比（%）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="119"/>
        <source>Decile (1 = top 10% of customers)</source>
        <translation>デシル（1 = 売上上位10%の顧客）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="120"/>
        <source>The top 20% of customers bring %1 of revenue.</source>
        <translation>上位20%の顧客が売上の %1 を占めています。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="132"/>
        <source>Customers in %1</source>
        <translation>%1 の顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="141"/>
        <source>Where %1 customers buy (share of their orders): %2</source>
        <translation>%1の顧客の購入先（注文数に占める割合）：%2</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="145"/>
        <source>Average annual LTV as profit (gross margin %1): %2</source>
        <translation>粗利で見た平均年間LTV（粗利率%1）：%2</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="160"/>
        <source>Customers in decile %1</source>
        <translation>デシル %1 の顧客</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="100"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="150"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="151"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="152"/>
        <source>Recent shops</source>
        <translation>最近使ったショップ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="153"/>
        <source>New shop…</source>
        <translation>新しいショップ…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="153"/>
        <source>Open shop…</source>
        <translation>ショップを開く…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="153"/>
        <source>Open the sample shop</source>
        <translation>サンプルショップを開く</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="154"/>
        <source>Import files…</source>
        <translation>ファイルを取り込む…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="154"/>
        <source>Export to Excel…</source>
        <translation>Excelに書き出し…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="155"/>
        <source>Export chart as PNG…</source>
        <translation>グラフをPNGで書き出し…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="155"/>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="155"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="156"/>
        <source>Backups…</source>
        <translation>バックアップ…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="156"/>
        <source>Save a survey template…</source>
        <translation>アンケートのひな形を保存…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="157"/>
        <source>About Engage Desktop</source>
        <translation>Engage Desktop について</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="174"/>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="210"/>
        <source>The shop file is damaged</source>
        <translation>ショップファイルが壊れています</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="211"/>
        <source>Choose a backup…</source>
        <translation>バックアップを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="242"/>
        <source>New shop file</source>
        <translation>新しいショップファイル</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="243"/>
        <location filename="../../engage_desktop/ui/main_window.py" line="249"/>
        <location filename="../../engage_desktop/ui/main_window.py" line="295"/>
        <source>Shop files (*.duckdb)</source>
        <translation>ショップファイル (*.duckdb)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="248"/>
        <source>Open shop file</source>
        <translation>ショップファイルを開く</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="282"/>
        <source>Shop file not found</source>
        <translation>ショップファイルが見つかりません</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="283"/>
        <source>%1 is not where it was (%2): it may have been moved, renamed or deleted. Nothing was created in its place.</source>
        <translation>%1 が元の場所（%2）にありません。移動・名前の変更・削除のどれかが行われた可能性があります。代わりのファイルは作っていません。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="286"/>
        <source>Locate it…</source>
        <translation>場所を指定…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="287"/>
        <source>Remove from the list</source>
        <translation>一覧から外す</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="294"/>
        <source>Where is %1?</source>
        <translation>%1 はどこにありますか？</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="335"/>
        <source>No orders yet: import your shop&apos;s exports (File ▸ Import files…)</source>
        <translation>まだ注文データがありません。ショップのエクスポートファイルを取り込んでください（ファイル ▸ ファイルを取り込む…）。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="337"/>
        <source>%1 customers known</source>
        <translation>顧客数 %1人</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="341"/>
        <source>Data: %1 – %2   As of %3   %4 customers known, %5 who bought, %6 orders</source>
        <translation>データ期間: %1〜%2   基準日 %3   顧客数 %4人（うち購入者 %5人）、注文数 %6件</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="367"/>
        <source>Choose export files</source>
        <translation>エクスポートファイルを選択</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="368"/>
        <source>Exports (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>エクスポートファイル (*.csv *.tsv *.txt *.xlsx *.xlsm);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="380"/>
        <source>Export to Excel</source>
        <translation>Excelに書き出し</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="381"/>
        <location filename="../../engage_desktop/ui/main_window.py" line="396"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excelブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="386"/>
        <location filename="../../engage_desktop/ui/main_window.py" line="406"/>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="387"/>
        <source>Writing the Excel workbook…</source>
        <translation>Excelブックを書き出しています…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="394"/>
        <source>Save a survey template</source>
        <translation>アンケートのひな形を保存</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="395"/>
        <source>survey-template.xlsx</source>
        <translation>アンケートのひな形.xlsx</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="407"/>
        <source>Writing the survey template…</source>
        <translation>アンケートのひな形を書き出しています…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="413"/>
        <source>Export chart as PNG</source>
        <translation>グラフをPNGで書き出し</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/main_window.py" line="416"/>
        <source>Could not save %1.</source>
        <translation>%1 を保存できませんでした。</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="393"/>
        <source>Match by another column</source>
        <translation>別の列で照合</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="396"/>
        <source>%1 (%Ln unmatched answer(s) have a value)</source>
        <translation>
            <numerusform>%1（つながっていない回答のうち%Ln件に値あり）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="398"/>
        <source>Order number</source>
        <translation>注文番号</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="399"/>
        <source>Customer ID</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="401"/>
        <source>Survey column:</source>
        <translation>アンケートの列:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="402"/>
        <source>Its values are the orders&apos;:</source>
        <translation>照合する注文の項目:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="408"/>
        <source>Answers that reach no customer yet are tied to the customer whose order number or customer ID the column holds. Undo column matches gives them back.</source>
        <translation>まだお客様につながっていない回答を、その列にある注文番号または顧客IDのお客様に結びつけます。「列での照合を取り消す」で元に戻せます。</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="29"/>
        <source>Measure</source>
        <translation>施策</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="29"/>
        <source>Edit measure</source>
        <translation>施策の編集</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="34"/>
        <source>Ended on</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="63"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="64"/>
        <source>Started on</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="65"/>
        <source>Targets</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="67"/>
        <source>Should move</source>
        <translation>動かしたい指標</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="68"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="69"/>
        <source>Its effect is read on the full months after the start, against as many months before it, the same months a year earlier, and everyone else.</source>
        <translation>効果は、開始後に終わった月を、同じ数の開始前の月、前年の同じ月、それ以外の顧客と比べて読み取ります。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_dialog.py" line="92"/>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
</context>
<context>
    <name>MeasureLog</name>
    <message>
        <location filename="../../engage_desktop/ui/measure_log.py" line="61"/>
        <source>Add “%1”</source>
        <translation>「%1」の追加</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_log.py" line="86"/>
        <source>Edit “%1”</source>
        <translation>「%1」の編集</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/measure_log.py" line="99"/>
        <source>Delete “%1”</source>
        <translation>「%1」の削除</translation>
    </message>
</context>
<context>
    <name>MeasuresView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="100"/>
        <source>Add a measure…</source>
        <translation>施策を追加…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="101"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="102"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="103"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="104"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="105"/>
        <source>Write down each measure you try: when it started, whom it targets and the metric it should move. Click one to see its effect; double-click to edit.</source>
        <translation>試した施策を記録しましょう：開始日、対象、動かしたい指標。クリックすると効果を表示し、ダブルクリックで編集できます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="109"/>
        <source>No orders yet. The effect of a measure is read from your orders: import them first (File ▸ Import files…).</source>
        <translation>まだ注文データがありません。施策の効果は注文データから読み取ります。先に取り込んでください（ファイル ▸ ファイルを取り込む…）。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="120"/>
        <source>Measure</source>
        <translation>施策</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="120"/>
        <source>Targets</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="120"/>
        <source>Should move</source>
        <translation>動かしたい指標</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="120"/>
        <source>Started on</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="121"/>
        <source>Ended on</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="121"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="122"/>
        <location filename="../../engage_desktop/ui/views/measures.py" line="123"/>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="130"/>
        <source>No measures yet</source>
        <translation>まだ施策がありません</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="131"/>
        <source>Add the first one with “Add a measure…”. Measures added from the journey map&apos;s Measures row appear here too.</source>
        <translation>「施策を追加…」で最初の施策を記録しましょう。カスタマージャーニーの「施策」の行から追加したものもここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="151"/>
        <source>Targeted customers</source>
        <translation>対象の顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="152"/>
        <source>Every customer</source>
        <translation>全顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="152"/>
        <source>The same, a year earlier</source>
        <translation>対象の顧客の前年同期</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="153"/>
        <source>Everyone else</source>
        <translation>それ以外の顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="158"/>
        <source>Before: %1</source>
        <translation>実施前：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="158"/>
        <source>Before</source>
        <translation>実施前</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="159"/>
        <source>After: %1</source>
        <translation>実施後：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="159"/>
        <source>After</source>
        <translation>実施後</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="159"/>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="176"/>
        <source>%1, targeted</source>
        <translation>%1（対象）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="177"/>
        <source>%1, everyone else</source>
        <translation>%1（それ以外）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="187"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/measures.py" line="188"/>
        <source>Grey band: the months before; green band: the months after. The month the measure started in is left out when it started after the 1st.</source>
        <translation>灰色の帯：実施前の月。緑の帯：実施後の月。1日以外に始めた施策は、始めた月を比較に含めません。</translation>
    </message>
</context>
<context>
    <name>MonthlyView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="134"/>
        <source>Metric:</source>
        <translation>指標:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="135"/>
        <source>Customers:</source>
        <translation>顧客：</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="138"/>
        <source>All customers</source>
        <translation>全顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="159"/>
        <source>Change vs previous month (%)</source>
        <translation>前月比（%）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="164"/>
        <source>%n month(s) changed beyond the chart&apos;s scale: drawn at its edge (▲/▼); hover for the exact change.</source>
        <translation>
            <numerusform>%nか月はグラフの目盛りを超えて変化したため、端に（▲/▼）で描いています。正確な値はマウスを合わせると表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="175"/>
        <source>Dashed lines: measures started (orange: aimed at this metric; the effect is in the Measures view): %1.</source>
        <translation>破線：施策の開始（オレンジはこの指標を動かすための施策。効果は「施策」画面で見られます）：%1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="178"/>
        <source>Green bands: %n round(s) reached, each %1 or more months in a row up on the month before.</source>
        <translation>
            <numerusform>緑の帯: ワンクール達成（%1か月以上連続で前月を上回った期間）が%n回。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="181"/>
        <source>%1 is still running: it is not compared with a full month, nor counted in the run.</source>
        <translation>%1 はまだ途中の月のため、まるまる1か月とは比べず、連続の月数にも数えていません。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="187"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="187"/>
        <source>Change vs previous month</source>
        <translation>前月比</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="188"/>
        <source> (so far)</source>
        <translation>（途中）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="208"/>
        <source>%n month(s) in a row up on the previous month: one round cleared!</source>
        <translation>
            <numerusform>%nか月連続で前月を上回りました。ワンクール達成です！</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="210"/>
        <source>The latest month is not up on the month before. A round is %n months up in a row.</source>
        <translation>
            <numerusform>直近の月は前月を上回っていません。ワンクールは%nか月連続で前月を上回ることです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="213"/>
        <source>%n more to a full round</source>
        <translation>
            <numerusform>ワンクールまであと%nか月</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/monthly.py" line="218"/>
        <source>Zone: %1</source>
        <translation>ゾーン：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="212"/>
        <source>%n month(s) in a row up on the previous month</source>
        <translation>
            <numerusform>%nか月連続で前月を上回っています</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovementView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="90"/>
        <source>Compared with:</source>
        <translation>比べる時点:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="92"/>
        <source>the end of the month %n month(s) ago</source>
        <translation>
            <numerusform>%nか月前の月末</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="93"/>
        <source>Rows: the tier at the start; columns: the tier now (each from the orders up to then). A cell shows how many customers moved so, and what they spent in between. Click a cell for its customers.</source>
        <translation>行は比べる時点のLTV層、列は今のLTV層です（どちらもその時点までの注文から判定）。セルには、そのように移ったお客様の人数と、その間に使った金額（マウスを合わせると表示）を示します。セルをクリックすると、そのお客様を一覧表示します。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="96"/>
        <source>Month by month: customers who moved up or down a tier</source>
        <translation>月ごと: LTV層が上がった・下がったお客様</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="97"/>
        <source>Each month end against the one before, in the tiers&apos; order (the first tier highest). A customer&apos;s first month counts as new, neither up nor down.</source>
        <translation>各月末のLTV層を前の月末と比べています（LTV層の並び順で上にある層ほど上位）。初めて購入した月のお客様は、上がった・下がったではなく新規として数えます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="99"/>
        <source>Round target, customers in:</source>
        <translation>ワンクールの目標（人数を数えるLTV層）:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="109"/>
        <source>Not yet a customer</source>
        <translation>まだ購入前</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="120"/>
        <source>%1 customers, %2 spent in between</source>
        <translation>%1人、その間の購入 %2</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="125"/>
        <source>LTV tier movement: %1 → %2</source>
        <translation>LTV層の移動: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="127"/>
        <source>Click a cell for its customers</source>
        <translation>セルをクリックするとお客様を表示</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="135"/>
        <source> (so far)</source>
        <translation>（途中）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="136"/>
        <source>Moved up a tier</source>
        <translation>LTV層が上がった人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="137"/>
        <source>Moved down a tier</source>
        <translation>LTV層が下がった人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="138"/>
        <source>New customers: %1</source>
        <translation>新規客数: %1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="172"/>
        <source>Customers in %1</source>
        <translation>%1の人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="177"/>
        <source>Pick one or more tiers to count.</source>
        <translation>人数を数えるLTV層を1つ以上選んでください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="182"/>
        <source>Green bands: %n round(s) reached, each %1 or more months in a row up on the month before.</source>
        <translation>
            <numerusform>緑の帯: ワンクール達成（%1か月以上連続で前月を上回った期間）が%n回。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/movement.py" line="185"/>
        <source>%1 is still running: it is not compared with a full month, nor counted in the run.</source>
        <translation>%1 はまだ途中の月のため、まるまる1か月とは比べず、連続の月数にも数えていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="193"/>
        <source>%n month(s) in a row up on the previous month: one round cleared!</source>
        <translation>
            <numerusform>%nか月連続で前月を上回りました。ワンクール達成です！</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="195"/>
        <source>The latest month is not up on the month before. A round is %n months up in a row.</source>
        <translation>
            <numerusform>直近の月は前月を上回っていません。ワンクールは%nか月連続で前月を上回ることです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="198"/>
        <source>%n month(s) in a row up on the previous month</source>
        <translation>
            <numerusform>%nか月連続で前月を上回っています</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="199"/>
        <source>%n more to a full round</source>
        <translation>
            <numerusform>ワンクールまであと%nか月</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/customer_list.py" line="267"/>
        <source>Orders of %1</source>
        <translation>%1 の注文</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="280"/>
        <source>%n order(s), revenue %1</source>
        <translation>
            <numerusform>注文 %n 件、売上 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="282"/>
        <source>(%n cancelled order(s) listed, not counted)</source>
        <translation>
            <numerusform>（キャンセルされた注文 %n 件は一覧に載せ、数えていません）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictedView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="58"/>
        <source>Customers by their chance of buying again, and what they are expected to bring next year</source>
        <translation>また買ってくれる見込み別の顧客数と、今後1年の予測売上</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="61"/>
        <source>Chance of buying again: how likely the customer is still a customer, from how often and how recently they bought. Expected next order: the day by which one more purchase is expected (blank: less than one expected within three years). Several orders on one day count as one purchase. Click a bar for its customers.</source>
        <translation>また買ってくれる見込み: 購入の頻度と最後の購入からの期間から見た、その顧客がまだ離れていない確率です。次回購入の予想日: もう1回の購入が見込まれる日です(空欄は3年以内に1回も見込めない顧客)。同じ日の注文は1回の購入として数えます。棒をクリックするとその顧客を表示します。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="80"/>
        <source>Next year your %1 customers are expected to buy %2 times and bring %3. %4 of them are likely to buy again (a chance of %5 or more).</source>
        <translation>今の顧客%1人から、今後1年で%2回の購入、%3の売上が見込まれます。そのうち%4人はまた買ってくれる見込みが%5以上です。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="88"/>
        <source>Chance of buying again</source>
        <translation>また買ってくれる見込み</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="89"/>
        <source>Number of customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="90"/>
        <source>Predicted value next year</source>
        <translation>今後1年の予測売上</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="94"/>
        <source>Customers, highest predicted value next year first</source>
        <translation>顧客(今後1年の予測LTVが高い順)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="97"/>
        <source>Simple LTV instead: %1 a year per customer (average order value %2 × %3 purchases a year).</source>
        <translation>代わりに簡易LTV: 顧客1人あたり年%1(平均購入単価%2 × 年%3回の購入)。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="102"/>
        <source>Customers, highest annual LTV first</source>
        <translation>顧客(年間LTVが高い順)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/predicted.py" line="114"/>
        <source>Chance of buying again %1</source>
        <translation>また買ってくれる見込み %1</translation>
    </message>
</context>
<context>
    <name>RfmView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="138"/>
        <source>Thresholds…</source>
        <translation>しきい値…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="139"/>
        <source>Set the days and purchase counts that give each score</source>
        <translation>各スコアになる日数と購入回数を設定します</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="140"/>
        <source>R: days since the last purchase (R5 the most recent); F: purchases (F5 the most). Each colour is a segment. Click a cell or a segment for its customers.</source>
        <translation>R: 最後の購入からの日数（R5が最も最近）、F: 購入回数（F5が最も多い）。色はセグメントを表します。セルかセグメントをクリックすると、その顧客が表示されます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="142"/>
        <source>How the segments moved</source>
        <translation>セグメントの移動</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="143"/>
        <source>Between:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="144"/>
        <source>Rows: the segment on the first date; columns: the segment on the second (each from the orders up to then). Click a cell for its customers.</source>
        <translation>行: 1つ目の日付のセグメント、列: 2つ目の日付のセグメント（それぞれその日までの注文から）。セルをクリックすると、その顧客が表示されます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="162"/>
        <source>%1 customers, revenue %2</source>
        <translation>%1人、売上 %2</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="167"/>
        <source>RFM: customers by recency and frequency on %1</source>
        <translation>RFM分析: %1時点の最新購入日×購入回数別の顧客数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="172"/>
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="172"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="172"/>
        <source>Share of customers</source>
        <translation>顧客数の構成比</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="172"/>
        <source>Number of customers</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="173"/>
        <source>What it means</source>
        <translation>意味</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="179"/>
        <source>Click a cell or a segment for its customers</source>
        <translation>セルかセグメントをクリックすると、その顧客が表示されます</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="187"/>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="232"/>
        <source>Not yet bought</source>
        <translation>まだ購入前</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="197"/>
        <source>%1 customers, %2 spent in between</source>
        <translation>%1人、期間中の購入 %2</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="353"/>
        <source>Step rules</source>
        <translation>ステップの条件</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="356"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="356"/>
        <source>Minimum orders</source>
        <translation>最低購入回数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="357"/>
        <source>…all within this many days of the first (0: any time)</source>
        <translation>…を初回購入から○日以内に（0: 期限なし）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="358"/>
        <source>A purchase at least this many days after the first</source>
        <translation>初回購入から○日以上あとの購入</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="359"/>
        <source>Promoter or fan degree 5-6</source>
        <translation>推奨者またはファン度5〜6</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="359"/>
        <source>LTV tier</source>
        <translation>LTV層</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="380"/>
        <source>Step 1 is every customer the shop knows: it has no rule.</source>
        <translation>ステップ1は、お店が把握しているすべてのお客様です（条件はありません）。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="387"/>
        <source>A customer reaches a step when they meet its rule and the rules of every step before it. An LTV tier is the one the customer had when they got there (at a month end), not today&apos;s. Promoters are counted at every step of the journey, whatever step 8 asks.</source>
        <translation>そのステップの条件と、それより前のすべてのステップの条件を満たすと、そのステップに到達します。LTV層は今日の層ではなく、到達したとき（月末時点）の層で判断します。推奨者は、ステップ8の条件にかかわらず、ジャーニーのすべてのステップで数えます。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="392"/>
        <source>Step 5: which purchases show the 100-day plan worked</source>
        <translation>ステップ5: 100日プランが実を結んだと判断する購入</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="49"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="56"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="62"/>
        <source>Not given</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="76"/>
        <source>&lt;b&gt;This shop&lt;/b&gt; (saved in the shop file)</source>
        <translation>&lt;b&gt;このショップ&lt;/b&gt;（ショップファイルに保存）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="77"/>
        <source>Time zone of the shop:</source>
        <translation>ショップのタイムゾーン:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="78"/>
        <source>Where order times are turned into days and months. It applies from the next import on: orders already imported keep the days they were read with.</source>
        <translation>注文の時刻を日付や月に分けるときの基準です。次の取り込みから使われます。取り込み済みの注文は、読んだときの日付のままです。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="81"/>
        <source>Dormant after no order for:</source>
        <translation>休眠とみなす日数（購入のない日数）:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="82"/>
        <source>Gross margin:</source>
        <translation>粗利率：</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="83"/>
        <source>The share of revenue left after the cost of the goods. Given, LTV and predicted value are also shown as the profit they bring.</source>
        <translation>売上から商品の原価を引いて残る割合です。設定すると、LTVと予測価値を粗利でも表示します。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="85"/>
        <source>Money shown as:</source>
        <translation>金額の表示:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="86"/>
        <source>&lt;b&gt;You&lt;/b&gt; (saved for your user on this computer)</source>
        <translation>&lt;b&gt;あなたの設定&lt;/b&gt;（このパソコンのユーザーごとに保存）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="87"/>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
</context>
<context>
    <name>SurveysView</name>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="137"/>
        <source>No survey answers yet. Import your survey export (Google Forms or SurveyMonkey CSV) with File ▸ Import files…</source>
        <translation>まだアンケートの回答がありません。アンケートのエクスポート（GoogleフォームやSurveyMonkeyのCSV）を「ファイル ▸ ファイルを取り込む…」から取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="143"/>
        <source>NPS (Net Promoter Score)</source>
        <translation>NPS（ネットプロモータースコア）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="144"/>
        <source>NPS by month</source>
        <translation>月別のNPS</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="145"/>
        <source>NPS by LTV tier and engagement zone</source>
        <translation>LTV層別・ゾーン別のNPS</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="146"/>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="147"/>
        <source>Tier:</source>
        <translation>LTV層:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="148"/>
        <source>Period:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="149"/>
        <source>Counts</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="150"/>
        <source>Shares</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="151"/>
        <source>All customers</source>
        <translation>全顧客</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="152"/>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="153"/>
        <source>Fan degree × liking: where your customers stand (click a cell for its customers)</source>
        <translation>ファン度 × 好き度: お客様の分布（セルをクリックすると、そのお客様を一覧表示）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="154"/>
        <source>Rows: fan degree   Columns: liking</source>
        <translation>行: ファン度   列: 好き度</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="168"/>
        <source>%n answer(s): promoters (9-10) minus detractors (0-6), in points.</source>
        <translation>
            <numerusform>回答 %n 件: 推奨者（9〜10）の割合 − 批判者（0〜6）の割合（ポイント）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="171"/>
        <source>Detractors</source>
        <translation>批判者</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="172"/>
        <source>Passives</source>
        <translation>中立者</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="173"/>
        <source>Promoters</source>
        <translation>推奨者</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="175"/>
        <source>Only %n answer(s): the NPS is not meaningful yet.</source>
        <translation>
            <numerusform>回答が %n 件しかないため、NPSはまだ参考になりません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="178"/>
        <source>%n answer(s) are dated after %1, the day of the last order, and are not counted: import the orders up to their days to count them.</source>
        <translation>
            <numerusform>%n件の回答は最後の注文日（%1）より後の日付のため、数えていません。その日までの注文を取り込むと数えられます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="189"/>
        <source>Bars: answers a month. Line: NPS with its margin of error (95%). %n month(s) with fewer than %1 answers have no NPS: too few to tell.</source>
        <translation>
            <numerusform>棒：月ごとの回答数。線：NPSと誤差（95%）。回答が%1件未満の%nか月はNPSを出していません（少なすぎて判断できません）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="191"/>
        <source>Bars: answers a month. Line: NPS with its margin of error (95%).</source>
        <translation>棒：月ごとの回答数。線：NPSと誤差（95%）。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="198"/>
        <source>Zone: %1</source>
        <translation>ゾーン：%1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="202"/>
        <source>± margin</source>
        <translation>誤差±</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="202"/>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="203"/>
        <source>too few</source>
        <translation>回答不足</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="193"/>
        <location filename="../../engage_desktop/ui/views/surveys.py" line="202"/>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
</context>
<context>
    <name>ThresholdEditor</name>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="248"/>
        <source>RFM thresholds</source>
        <translation>RFMのしきい値</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="250"/>
        <source>Recency: days since the last purchase, at most</source>
        <translation>R（最新購入）: 最後の購入からの日数がこれ以内</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="251"/>
        <source>Frequency: purchases, at least</source>
        <translation>F（購入回数）: 購入回数がこれ以上</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="266"/>
        <source>Beyond the last recency days a customer is R1; one purchase is F1. Each number must be larger than the one before it.</source>
        <translation>最後の日数を超えるとR1、購入1回はF1です。各数値は前の数値より大きくしてください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/rfm.py" line="294"/>
        <source>Each number must be larger than the one before it.</source>
        <translation>各数値は前の数値より大きくしてください。</translation>
    </message>
</context>
<context>
    <name>TierChoice</name>
    <message>
        <location filename="../../engage_desktop/ui/views/journey.py" line="483"/>
        <source>(any tier)</source>
        <translation>（どの層でも）</translation>
    </message>
</context>
<context>
    <name>TierEditor</name>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="174"/>
        <source>Edit tiers</source>
        <translation>LTV層の編集</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="177"/>
        <source>Name (Japanese)</source>
        <translation>名前（日本語）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="177"/>
        <source>Name (English)</source>
        <translation>名前（英語）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="178"/>
        <source>Minimum LTV / year (¥)</source>
        <translation>最低年間LTV（円）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="178"/>
        <source>Minimum orders</source>
        <translation>最低購入回数</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="187"/>
        <source>  no order for the dormant days (Settings)</source>
        <translation>  休眠とみなす日数のあいだ購入なし（「設定」で変更）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="209"/>
        <source>A customer belongs to the first tier whose rules they meet, from the top; dormant customers are set apart first. The last tier takes everyone else.</source>
        <translation>お客様は、上から順に条件を満たした最初の層に入ります。休眠のお客様は最初に分けます。最後の層はそれ以外の全員です。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="234"/>
        <source>Customers who would move:</source>
        <translation>層が変わる顧客:</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/ltv.py" line="234"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>UnmatchedDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="364"/>
        <source>Unmatched answers</source>
        <translation>お客様につながらない回答</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="371"/>
        <source>Answered</source>
        <translation>回答日時</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="371"/>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="371"/>
        <source>Recommend (0-10)</source>
        <translation>おすすめ度（0〜10）</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="371"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/comments.py" line="372"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="381"/>
        <source>%n answer(s) reach no customer who bought. They count in NPS, never in a tier.</source>
        <translation>
            <numerusform>%n件の回答が購入したお客様につながっていません。NPSには数えますが、LTV層には入りません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../engage_desktop/ui/views/base.py" line="87"/>
        <source>No orders yet. Import your shop&apos;s order export (File ▸ Import files…) or open the sample shop to see how this view works.</source>
        <translation>まだ注文データがありません。ショップの注文データを取り込む（ファイル ▸ ファイルを取り込む…）か、サンプルショップを開いて、この画面の使い方を確かめてください。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="176"/>
        <source>Welcome to Engage Desktop</source>
        <translation>Engage Desktop へようこそ</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="177"/>
        <source>See how your customers move from their first purchase to becoming fans. Start with the sample shop to look around, or create your own shop and import the exports of your shop system, till and surveys.</source>
        <translation>お客様が初めての購入からファンになるまでの流れを見てみましょう。まずはサンプルショップで画面を見て回るか、自分のショップを作って、ショップのシステム・レジ・アンケートのエクスポートを取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="181"/>
        <source>Open the sample shop</source>
        <translation>サンプルショップを開く</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="182"/>
        <source>Create an empty shop…</source>
        <translation>新しい空のショップを作る…</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/dialogs.py" line="183"/>
        <source>Open a shop file…</source>
        <translation>ショップファイルを開く…</translation>
    </message>
</context>
<context>
    <name>ZoneDialog</name>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="198"/>
        <source>Edit engagement zones</source>
        <translation>エンゲージメントゾーンの編集</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/views/engagement.py" line="228"/>
        <source>A customer&apos;s zone is the cell of their latest answer. Click a cell to move it to the next zone; every zone keeps at least one cell.</source>
        <translation>顧客のゾーンは最新の回答のマスで決まります。マスをクリックすると次のゾーンに移ります。どのゾーンにも1マス以上を残してください。</translation>
    </message>
</context>
</TS>
