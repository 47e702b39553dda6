<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AdjustmentsPanel</name>
    <message>
        <source>No feedback to adapt next week from yet: mark a session done and rate how each muscle recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} (last week {base} → {sets} sets; the plan had {planned})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} (last week {base} → {sets} sets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change next week&apos;s planned sets as listed (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deload next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn next week into a deload: about half the sets, RIR 5 (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week adapts · {first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied ✓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Overload cannot open its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the file and its folder writable, or open another database with --db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can start a new, empty database beside it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can restore the backup of {when} in its place (the damaged file is kept, renamed), or start a new, empty database beside it:
{fresh}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not changed. You can start a new, empty database beside it:
{fresh}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a fresh database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload could not restore the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} could not be restored in place of {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when} in place of {path}; the damaged file was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload could not start:
{details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload cannot lock the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That change was not made. Everything saved before it is safe. Free some disk space or make the file writable, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was deleted or moved while Overload had it open. Everything saved until now is still open here, but nothing can be saved to a file that is gone, and it would be lost when Overload closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was replaced by another file while Overload had it open. Overload does not write into a file it did not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what is open as {target} and go on there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target} could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the open database as {target}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoregulationCommands</name>
    <message>
        <source>Save session feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {change} — except 1 exercise of sessions logged since, which keep the targets they were trained with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {change} — except {kept} exercises of sessions logged since, which keep the targets they were trained with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapt week {week} to feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deload in week {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap exercise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarTexts</name>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (deload week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercises} exercises, about {minutes} min, {sets} sets logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercises} exercises, {sets} sets logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscles: {groups}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {group} is also trained the same day: less than 48 hours apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {group} is also trained {day}: less than 48 hours apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Double-click to open · drag to move · Ctrl-drag to copy&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done}/{target} sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> @ RIR {rir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest {minutes}:{seconds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tempo {tempo}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {target} working sets logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery session: half the sets and reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Drag to reorder or move to another session · double-click to open the session&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {week} · {first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>hard sets per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hard sets per week (monthly average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▭&amp;nbsp;planned (dashed outline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▬&amp;nbsp;planned (average per week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hard sets this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} below MEV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} over MRV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} sets / {planned} planned · {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} sets · {where}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Weekly volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractional (secondary ½)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct only (secondary 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current mesocycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fractional: secondary ½</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct only: secondary 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sets logged in this range yet — log a session to see your weekly volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sets logged this week yet — log a session to see where each muscle stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loaded working sets for this exercise in this range yet — log one to see your estimated 1RM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a session, then pick an exercise above to see its progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;|&lt;/b&gt;&amp;nbsp;planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscle group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the exercises you have logged…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export a chart as {suffix}; use .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export a chart as a file without suffix; use .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart was not exported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week, {first} – {last} — sets vs landmarks ({rule})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  ·  {sessions} sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload — {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Create exercise “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit exercise “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete exercise “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit volume landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create program “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateFormat</name>
    <message>
        <source>d MMM</source>
        <extracomment>Qt date format: day of the month and short month name (2 Dec)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd MMM</source>
        <extracomment>Qt date format: two-digit day of the month and short month name (02 Dec)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <extracomment>Qt date format: short weekday, two-digit day, short month (Mon 02 Dec)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <extracomment>Qt date format: two-digit day, short month, year (02 Dec 2024)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <extracomment>Qt date format: short weekday, two-digit day, short month, year (Mon 02 Dec 2024)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>Qt date format: short weekday, day, short month, year (Mon 2 Dec 2024)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <extracomment>Qt date format: weekday, day, month, year in full (Monday 2 December 2024)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <extracomment>Qt date format: day, short month, year and the time on a 24-hour clock (02 Dec 2024 13:05)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <extracomment>A calendar&apos;s title: the month&apos;s name and the year (December 2024)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayColumn</name>
    <message>
        <source>Rest day — drop an exercise or double-click to add a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated length of the day&apos;s training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hamstrings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biceps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triceps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side delts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear delts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front delts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forearms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not maintaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>productive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over MRV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barbell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumbbell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bodyweight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smith machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ez bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kettlebell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hinge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knee flexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knee extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hip extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hip abduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elbow flexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elbow extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lateral raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear delt fly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chest fly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calf raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core flexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrist flexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrist extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseBlock</name>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} / {target} sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseDialog</name>
    <message>
        <source>Edit “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Meadows Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Primary group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secondary groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement &amp;pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rep range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds: lowering – pause – lifting – pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest &amp;between sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseLibraryPanel</name>
    <message>
        <source>Search the exercise library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search exercises and aliases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All muscle groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the primary or a secondary group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your own exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercise matches “{query}” with these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercise matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“{name}” is used in %n session exercise(s), so its history would be lost. It cannot be deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExercisePicker</name>
    <message>
        <source>Which exercise is “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or alias</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseTableModel</name>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low}–{high} reps, tempo {tempo}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also known as: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExercisesPage</name>
    <message>
        <source>Exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to reorder; drag exercises in from the list on the left or the exercise library; Swap offers alternatives for the same muscle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an exercise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise} — {sets} × {low}–{high} @ RIR {rir}, {tempo}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{session} · {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>never sore / healed early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healed just in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still a bit sore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still sore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>huge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barely matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Muscle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soreness before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sore the muscle was before this session, from the last time you trained it: 0 never sore or healed early … 3 still sore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pump during this session: 0 none … 3 huge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps and load against last time: 0 beat it … 3 could not match it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate each muscle you trained; next week&apos;s sets follow from it. Rows left unrated are not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hurt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A joint hurt during an exercise for this muscle: you will be offered an exercise of the same pattern instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store nothing; rate it later with Feedback… in the session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackFlow</name>
    <message>
        <source>Joint pain noted. No swap offered for {exercises}: no upcoming planned session uses it, or the library has no other exercise of its pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap {exercise} for {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} in 1 upcoming session (Ctrl+Z undoes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} in {count} upcoming sessions (Ctrl+Z undoes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalPage</name>
    <message>
        <source>Goal and experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload plans a hypertrophy mesocycle: weekly sets ramp up per muscle, then a deload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Winter hypertrophy block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import {count} workout(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Strong, Hevy, FitNotes or Overload exports (*.csv *.txt *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import workout history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file does not say whether its weights are in kilograms or pounds. Which unit was the app set to?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilograms (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pounds (lb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These exercise names are not in your library under the same name. Choose the exercise each one is, or create it as a new custom exercise. Your choices are remembered for the next import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the unit to see what the file holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new: all {workouts} workouts of this file are already in Overload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n exercise name(s) need your choice on the next page. Nothing has been written yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every exercise is in your library. Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kg and lb (per row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit} (stored as kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{existing} of {workouts} workouts (will be skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{matched} of {names} matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; not in the library: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary group (if new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing workouts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing workouts… {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported; the database is as it was.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — no planned session on these workouts&apos; days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} workout(s) filled the planned session of their day (marked done, targets kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} workout(s) will fill the planned session of their day (marked done, targets kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; swaps: {swaps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {workouts} workout(s) with {sets} set(s) ({warmups} warm-up) from {format} ({variant}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} workout(s) were already imported and were left as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} row(s) of the file are not sets (notes, rest timers, cardio) and were not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New custom exercises: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered for next time: {pairs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database as it was before the import is saved in {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFolderWatcher</name>
    <message>
        <source>The import folder {folder} is not there: nothing is imported from it (Edit ▸ Preferences… to choose another).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import folder {folder} could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder: {file} was not imported — {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder: {file} has nothing new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder: {workouts} workout(s), {sets} set(s) from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {count} filled a planned session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>File ▸ Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file imported yet: File ▸ Import…, or an import folder in Edit ▸ Preferences….</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>{path} is not a lock file (it is a folder or a special file), and Overload keeps its lock file under that name. Move it away or rename it, then try again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload is already open on {path}. Use that window, or open another database with --db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload is already open on {path} (process {pid}). Use that window, or open another database with --db.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonRestore</name>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this Overload export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {file}: {sessions} sessions, {sets} sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data it replaced is saved in {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was not restored ({error}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} (Overload {version}) holds {sessions} sessions, {sets} sets and {programs} programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no training yet: restore the export into it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It replaces everything in this database ({sessions} sessions, {programs} programs, {custom} custom exercises). Your current data is backed up first: File ▸ Restore backup… brings it back.

Restore the export?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandmarksEditor</name>
    <message>
        <source>MAV low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAV high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freq. min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freq. max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance volume: sets a week that keep the muscle you have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum effective volume: the fewest weekly sets that grow the muscle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum adaptive volume, low end: where growth per set is best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum adaptive volume, high end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum recoverable volume: the most weekly sets you can recover from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest sessions a week that should train this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most sessions a week that should train this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly hard sets per muscle group. Defaults come from Renaissance Periodization&apos;s tables; adjust them to how you recover. Each row must keep MV ≤ MEV ≤ MAV low ≤ MAV high ≤ MRV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the default landmarks for {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset all to defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to Overload&lt;/h3&gt;&lt;p&gt;No program yet — Training ▸ New program… builds a mesocycle for you. Or drag exercises from the library onto a day to plan a session, and double-click a day to start one. Each muscle&apos;s weekly sets show under the calendar.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your training log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a session in the calendar to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan and charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Overload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt mesocycle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume &amp;landmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;exercise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Overload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Overload {version}&lt;/h3&gt;&lt;p&gt;Plan and log resistance training for muscle growth, offline. Volume landmarks after Renaissance Periodization; fractional counting after Pelland et al. 2024.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingRow</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  ({percent}% alike)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create as new custom exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all exercises…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextMesocycle</name>
    <message>
        <source>There is no mesocycle to continue yet: Training ▸ New program… builds the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next mesocycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next mesocycle after “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanGauges</name>
    <message>
        <source>&lt;b&gt;Weekly sets per muscle&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bar: week {week} (peak); tick: week 1. Counted fractional: primary sets plus half a set for each secondary muscle, against your landmarks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bar: week {week} (peak); tick: week 1. Counted direct: sets on the primary muscle only, against your landmarks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTable</name>
    <message>
        <source>Deload
RIR {rir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {week}
RIR {rir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} sets (counted fractional): {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} sets (counted direct): {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanWarnings</name>
    <message>
        <source>✓ The plan keeps every rule: grown muscles ramp from MEV, 48 hours between sessions for a muscle, 2–4 sessions a week, rows and pulldowns, every session within its budget.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlateCalculator</name>
    <message>
        <source>Plate calculator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your plates&lt;/b&gt; (pairs available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plates you have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the bar ({load} {unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per side: {plates}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closest: {load} {unit} — {short} {unit} short of {wanted} {unit} with these plates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Kilograms (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pounds (lb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday (ISO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractional — a secondary muscle counts ½ set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct only — only the primary muscle counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Week starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Counting rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads are stored in kilograms; the unit only changes what you see and type. Fractional counting follows Pelland et al. 2024; direct counting is how Renaissance Periodization&apos;s landmark tables are meant to be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None — exports are imported by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong, Hevy or FitNotes exports that appear in this folder (one your phone syncs into) are imported at start and while Overload runs; each version of a file once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintSheetsDialog</name>
    <message>
        <source>Print session sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One block per planned session, to fill in at the gym: targets, last time, the load to aim for with its plates, a warm-up for the first big lift, cells for each set and the feedback boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the pages, then print them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 planned session, {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} planned sessions, {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No planned sessions from {first} to {last}: nothing to print. Plan some (Training ▸ New program…) or choose other weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload session sheets {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview — session sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheets could not be drawn: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session sheets as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}.

Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved 1 page to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {pages} pages to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrioritiesPage</name>
    <message>
        <source>Muscle priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow: ramp up from MEV. Maintain: hold the maintenance dose. Skip: no direct work. The week&apos;s budget goes to maintenance first, then to the muscles you grow, in the order of this list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriorityRanking</name>
    <message>
        <source>Grow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscles in priority order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected muscle up the ranking (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected muscle down the ranking (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a muscle, or use Up and Down (Alt+↑, Alt+↓): grown muscles get the budget in this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Budget&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak week against the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every muscle you chose to grow fits with its full ramp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no room to grow: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}: you chose {priority}; the budget maintains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}: you chose {priority}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grows {start} → {sets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintained at {sets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintained, no sets needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramWizard</name>
    <message>
        <source>Beginner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at MEV and ends about halfway to MRV: plenty of room to progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at MEV and ends about three quarters of the way to MRV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a little above MEV and ends at or just below MRV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper / lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push / pull / legs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Start volumes from your last mesocycle&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Start volumes as usual&lt;/b&gt;: your last mesocycle&apos;s feedback moved none of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions already planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program&apos;s dates overlap {sessions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace them with this program (Undo brings them back), or start this program after them, on {day}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start after them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Estimated 1RM (Epley, best set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heaviest working set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR: best e1RM so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise} — estimated 1RM and heaviest working set ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>volume load ({unit} × reps)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestTimer</name>
    <message>
        <source>Rest starts when you log a set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest over — go!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the rest timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest after each set of this exercise (m:ss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a database upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups are kept in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups yet: one is made every day you use Overload, and before every import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all your current data with the backup from {when}?

The current state is backed up first, so you can come back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup from {when}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup from {when}. The state before restoring is saved in {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not restored ({error}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged: cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly sets per muscle, coloured by where they sit against your landmarks. Finish saves every session to the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no muscle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sets} sets, about {minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets counted fractional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets counted direct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weeks} weeks, {sessions} sessions, {split}, from {start} to {end}. Grows {grows}. Week {week}, the biggest, has {sets} working sets; its longest session {longest}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick your training days. At least 48 hours between two sessions for the same muscle needs days with a rest day between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training &amp;days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish with a deload week (about half the sets, RIR 4–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;plit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest session, minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it off for up to 25 working sets a session; on, every session fits this many minutes (warm-ups and rests included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick at least one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{split} for 1 day a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{split} for {days} days a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (chosen for you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionCalendar</name>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month or week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month or week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;In range&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That drop was not applied: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add exercises to session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Less than 48 hours between two sessions for: {groups}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>Session {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionChip</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S.delts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R.delts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F.delts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionCommands</name>
    <message>
        <source>Mark session planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark session done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark session skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move session to {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy session to {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move exercise to {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit session notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename session “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change targets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Session name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the session done (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the session skipped: it counts for nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate soreness, pump, performance and joint pain per muscle: next week&apos;s sets follow from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole session as the paper sheet: one row per set, Tab across load, reps and RIR — to type in a filled-in sheet (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps in reserve to leave on each working set this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plates per side for the load in the entry row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on this session — saved when you leave the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · week {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIR {rir} this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target {target} · rest {rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise}: type the load first — this exercise takes one, so it is never logged as bodyweight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise}: no set logged yet to repeat — type the first one and press Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All exercises done — Ctrl+Return marks the session done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {count} exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of {total} exercises have no sets logged ({names}). Mark done again (Ctrl+Return) to close the session anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a session in the calendar to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag exercises here from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an exercise to log its sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps / time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> @ RIR {rir}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · recovery session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last time: not done before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last {day}: {sets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ first time: pick a load for {low}–{high} reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e1RM {load} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BW</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionExerciseModel</name>
    <message>
        <source>{name}
Next: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} / {target} sets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionGrid</name>
    <message>
        <source>Warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise} warm-up {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise} drop set {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exercise} set {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: type the seconds to log the set (Escape clears the row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: type the reps to log the set (Escape clears the row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: type the load — there is no target load yet, and {exercise} is never logged as bodyweight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: no load typed — logged at the target, {load}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: type the load — {exercise} is never logged as bodyweight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: the seconds cannot be empty — a logged set keeps them (Ctrl+Delete deletes the set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: the reps cannot be empty — a logged set keeps them (Ctrl+Delete deletes the set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: load {text} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: seconds {text} is not a number of seconds (60, 60 s or 1:30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: reps {text} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}: RIR {text} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercises in this session yet. Switch the grid off (Ctrl+G) and drag them here from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A set beyond the target: type it here to add it (Up and Down reach this row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load in {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added load in {unit}; BW for bodyweight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistance as a negative load (−20 {unit}); BW for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — left empty, the set is logged at the target load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds held: 60, 60 s or 1:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps (60 s for a timed set) — a row is logged once it has them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps in reserve — may stay empty (not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionSheet</name>
    <message>
        <source>no &amp;nbsp; yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercises planned in this session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deload week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plates per side: {plates}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (makes {load} {unit}: your plates are {short} {unit} short)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up: {steps} of your first working set&apos;s load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up (plates per side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set {number} · {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;After the session&lt;/b&gt; — circle one per muscle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload · session sheets {first} – {last} · page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page could not be drawn on (the printer or file refused it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overload session sheets {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetEntry</name>
    <message>
        <source>Load in your unit: BW (0) for bodyweight, or the load you add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load in your unit — this exercise takes one (— until it is typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistance is a negative load: −20 kg means the machine or band takes 20 kg of your bodyweight; 0 is none (bodyweight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the set was held, in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps in reserve; step below 0 for — (not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log this set (Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as last (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a set the same as the last one of this exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A timed set — a plank, a hang: a time in seconds instead of reps (Alt+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BW</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was deleted or moved while Overload had it open; this change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was replaced by another file while Overload had it open; this change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwapProposalDialog</name>
    <message>
        <source>Swap for joint pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint pain on {group}: do something else instead of &lt;b&gt;{exercise}&lt;/b&gt; in the next planned session? Same movement pattern ({pattern}), same muscle; targets stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint pain on {group}: do something else instead of &lt;b&gt;{exercise}&lt;/b&gt; in the next {uses} planned sessions? Same movement pattern ({pattern}), same muscle; targets stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TempoCue</name>
    <message>
        <source>eccentric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concentric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower under control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold at the stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tempo set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop the tempo cue for this set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempo {tempo}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hint} · {second}/{seconds} s · rep {rep}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>CSV, one row per set (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, everything (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}.

Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists. Replace it with this export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported everything ({sets} sets) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {sets} sets to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written:
{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeGauge</name>
    <message>
        <source>{sets} sets — {status} (MV {mv}, MEV {mev}, MAV {mav_low}–{mav_high}, MRV {mrv})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; planned {sets}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekSummary</name>
    <message>
        <source>Adapted from last week&apos;s feedback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sets this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{inside} of {total} muscle groups between MEV and MRV (done sets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{inside} of {total} muscle groups between MEV and MRV (planned sets)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekVolumePanel</name>
    <message>
        <source>fractional (secondary muscles count ½ set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct only (secondary muscles count 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done / plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{inside} of {total} muscle groups between MEV and MRV (done).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting rule: {rule}. Warm-up sets never count.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
