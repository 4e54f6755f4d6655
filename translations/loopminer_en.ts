<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>lm::ui::GeneratePanel</name>
    <message numerus="yes">
        <source>Kept %n loop(s) in the library</source>
        <translation>
            <numerusform>Kept %n loop in the library</numerusform>
            <numerusform>Kept %n loops in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n loop(s)</source>
        <translation>
            <numerusform>Discarded %n loop</numerusform>
            <numerusform>Discarded %n loops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lm::ui::LatentPanel</name>
    <message numerus="yes">
        <source>%n loop(s) nearest in the latent space of %1</source>
        <translation>
            <numerusform>%n loop nearest in the latent space of %1</numerusform>
            <numerusform>%n loops nearest in the latent space of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopMarkActions</name>
    <message numerus="yes">
        <source>Tag for %n loop(s) (several: comma-separated):</source>
        <translation>
            <numerusform>Tag for %n loop (several: comma-separated):</numerusform>
            <numerusform>Tag for %n loops (several: comma-separated):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopsPanel</name>
    <message numerus="yes">
        <source>Map selection: %n loop(s) ✕</source>
        <translation>
            <numerusform>Map selection: %n loop ✕</numerusform>
            <numerusform>Map selection: %n loops ✕</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lm::ui::TrainForm</name>
    <message numerus="yes">
        <source> for %n loop(s)</source>
        <translation>
            <numerusform> for %n loop</numerusform>
            <numerusform> for %n loops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lm::ui::TrainView</name>
    <message numerus="yes">
        <source>Trained %1 on %n loop(s) in %2.</source>
        <translation>
            <numerusform>Trained %1 on %n loop in %2.</numerusform>
            <numerusform>Trained %1 on %n loops in %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
