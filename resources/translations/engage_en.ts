<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CohortsView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/cohorts.py" line="73" />
        <source>Step %1
within %n day(s)</source>
        <translation>
            <numerusform>Step %1
within %n day</numerusform><numerusform>Step %1
within %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="89" />
        <source>(%Ln comment(s))</source>
        <translation>
            <numerusform>(%Ln comment)</numerusform><numerusform>(%Ln comments)</numerusform></translation>
    </message>
</context>
<context>
    <name>CommentsView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="256" />
        <location filename="../../engage_desktop/ui/views/comments.py" line="257" />
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform><numerusform>%n comments</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="344" />
        <source>%n answer(s) now reach a customer.</source>
        <translation>
            <numerusform>%n answer now reach a customer.</numerusform><numerusform>%n answers now reach a customer.</numerusform></translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="179" />
        <source>(%Ln customer(s))</source>
        <translation>
            <numerusform>(%Ln customer)</numerusform><numerusform>(%Ln customers)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="180" />
        <source>(%1 of %Ln customer(s))</source>
        <translation>
            <numerusform>(%1 of %Ln customer)</numerusform><numerusform>(%1 of %Ln customers)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="227" />
        <source>%n character(s) of this list cannot be written in Shift_JIS (%1) and would become '?'. Save it as UTF-8 instead (Excel opens it as well)?</source>
        <translation>
            <numerusform>%n character of this list cannot be written in Shift_JIS (%1) and would become '?'. Save it as UTF-8 instead (Excel opens it as well)?</numerusform><numerusform>%n characters of this list cannot be written in Shift_JIS (%1) and would become '?'. Save it as UTF-8 instead (Excel opens it as well)?</numerusform></translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="105" />
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform><numerusform>%Ln customers</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="122" />
        <source>%n more month(s) up for a round of %1.</source>
        <translation>
            <numerusform>%n more month up for a round of %1.</numerusform><numerusform>%n more months up for a round of %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="126" />
        <source>%n month(s) in a row</source>
        <translation>
            <numerusform>%n month in a row</numerusform><numerusform>%n months in a row</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="144" />
        <source>%Ln row(s) imported, %1 updated, %2 rejected</source>
        <translation>
            <numerusform>%Ln row imported, %1 updated, %2 rejected</numerusform><numerusform>%Ln rows imported, %1 updated, %2 rejected</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/home.py" line="147" />
        <source>%Ln new customer(s), revenue %1</source>
        <translation>
            <numerusform>%Ln new customer, revenue %1</numerusform><numerusform>%Ln new customers, revenue %1</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/import_wizard.py" line="414" />
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>Import %n file</numerusform><numerusform>Import %n files</numerusform></translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/journey.py" line="191" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/journey.py" line="219" />
        <source>(%n month(s))</source>
        <translation>
            <numerusform>(%n month)</numerusform><numerusform>(%n months)</numerusform></translation>
    </message>
</context>
<context>
    <name>LtvView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/ltv.py" line="111" />
        <source>Only %n customer(s): tier shares and deciles are not meaningful yet.</source>
        <translation>
            <numerusform>Only %n customer: tier shares and deciles are not meaningful yet.</numerusform><numerusform>Only %n customers: tier shares and deciles are not meaningful yet.</numerusform></translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="396" />
        <source>%1 (%Ln unmatched answer(s) have a value)</source>
        <translation>
            <numerusform>%1 (%Ln unmatched answer have a value)</numerusform><numerusform>%1 (%Ln unmatched answers have a value)</numerusform></translation>
    </message>
</context>
<context>
    <name>MonthlyView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="164" />
        <source>%n month(s) changed beyond the chart's scale: drawn at its edge (▲/▼); hover for the exact change.</source>
        <translation>
            <numerusform>%n month changed beyond the chart's scale: drawn at its edge (▲/▼); hover for the exact change.</numerusform><numerusform>%n months changed beyond the chart's scale: drawn at its edge (▲/▼); hover for the exact change.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="178" />
        <source>Green bands: %n round(s) reached, each %1 or more months in a row up on the month before.</source>
        <translation>
            <numerusform>Green bands: %n round reached, each %1 or more months in a row up on the month before.</numerusform><numerusform>Green bands: %n rounds reached, each %1 or more months in a row up on the month before.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="208" />
        <source>%n month(s) in a row up on the previous month: one round cleared!</source>
        <translation>
            <numerusform>%n month in a row up on the previous month: one round cleared!</numerusform><numerusform>%n months in a row up on the previous month: one round cleared!</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="210" />
        <source>The latest month is not up on the month before. A round is %n months up in a row.</source>
        <translation>
            <numerusform>The latest month is not up on the month before. A round is %n months up in a row.</numerusform><numerusform>The latest month is not up on the month before. A round is %n months up in a row.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="212" />
        <source>%n month(s) in a row up on the previous month</source>
        <translation>
            <numerusform>%n month in a row up on the previous month</numerusform><numerusform>%n months in a row up on the previous month</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/monthly.py" line="213" />
        <source>%n more to a full round</source>
        <translation>
            <numerusform>%n more to a full round</numerusform><numerusform>%n more to a full round</numerusform></translation>
    </message>
</context>
<context>
    <name>MovementView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="92" />
        <source>the end of the month %n month(s) ago</source>
        <translation>
            <numerusform>the end of the month %n month ago</numerusform><numerusform>the end of the month %n months ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="182" />
        <source>Green bands: %n round(s) reached, each %1 or more months in a row up on the month before.</source>
        <translation>
            <numerusform>Green bands: %n round reached, each %1 or more months in a row up on the month before.</numerusform><numerusform>Green bands: %n rounds reached, each %1 or more months in a row up on the month before.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="193" />
        <source>%n month(s) in a row up on the previous month: one round cleared!</source>
        <translation>
            <numerusform>%n month in a row up on the previous month: one round cleared!</numerusform><numerusform>%n months in a row up on the previous month: one round cleared!</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="195" />
        <source>The latest month is not up on the month before. A round is %n months up in a row.</source>
        <translation>
            <numerusform>The latest month is not up on the month before. A round is %n months up in a row.</numerusform><numerusform>The latest month is not up on the month before. A round is %n months up in a row.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="198" />
        <source>%n month(s) in a row up on the previous month</source>
        <translation>
            <numerusform>%n month in a row up on the previous month</numerusform><numerusform>%n months in a row up on the previous month</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/movement.py" line="199" />
        <source>%n more to a full round</source>
        <translation>
            <numerusform>%n more to a full round</numerusform><numerusform>%n more to a full round</numerusform></translation>
    </message>
</context>
<context>
    <name>OrdersDialog</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="280" />
        <source>%n order(s), revenue %1</source>
        <translation>
            <numerusform>%n order, revenue %1</numerusform><numerusform>%n orders, revenue %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/customer_list.py" line="282" />
        <source>(%n cancelled order(s) listed, not counted)</source>
        <translation>
            <numerusform>(%n cancelled order listed, not counted)</numerusform><numerusform>(%n cancelled orders listed, not counted)</numerusform></translation>
    </message>
</context>
<context>
    <name>SurveysView</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="168" />
        <source>%n answer(s): promoters (9-10) minus detractors (0-6), in points.</source>
        <translation>
            <numerusform>%n answer: promoters (9-10) minus detractors (0-6), in points.</numerusform><numerusform>%n answers: promoters (9-10) minus detractors (0-6), in points.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="175" />
        <source>Only %n answer(s): the NPS is not meaningful yet.</source>
        <translation>
            <numerusform>Only %n answer: the NPS is not meaningful yet.</numerusform><numerusform>Only %n answers: the NPS is not meaningful yet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="178" />
        <source>%n answer(s) are dated after %1, the day of the last order, and are not counted: import the orders up to their days to count them.</source>
        <translation>
            <numerusform>%n answer are dated after %1, the day of the last order, and are not counted: import the orders up to their days to count them.</numerusform><numerusform>%n answers are dated after %1, the day of the last order, and are not counted: import the orders up to their days to count them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/surveys.py" line="189" />
        <source>Bars: answers a month. Line: NPS with its margin of error (95%). %n month(s) with fewer than %1 answers have no NPS: too few to tell.</source>
        <translation>
            <numerusform>Bars: answers a month. Line: NPS with its margin of error (95%). %n month with fewer than %1 answers have no NPS: too few to tell.</numerusform><numerusform>Bars: answers a month. Line: NPS with its margin of error (95%). %n months with fewer than %1 answers have no NPS: too few to tell.</numerusform></translation>
    </message>
</context>
<context>
    <name>UnmatchedDialog</name>
    <message numerus="yes">
        <location filename="../../engage_desktop/ui/views/comments.py" line="381" />
        <source>%n answer(s) reach no customer who bought. They count in NPS, never in a tier.</source>
        <translation>
            <numerusform>%n answer reach no customer who bought. They count in NPS, never in a tier.</numerusform><numerusform>%n answers reach no customer who bought. They count in NPS, never in a tier.</numerusform></translation>
    </message>
</context>
</TS>