<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>DemoLibrary</name>
    <message>
        <source>Open &amp;Demo Library</source>
        <translation>&amp;Demo-Bibliothek öffnen</translation>
    </message>
    <message>
        <source>Open a library of drum-and-bass grooves, analysed, with loops the default model generated</source>
        <translation>Eine Bibliothek mit analysierten Schlagzeug-und-Bass-Grooves öffnen, samt Loops, die das Standardmodell generiert hat</translation>
    </message>
    <message>
        <source>Press Space to hear this loop</source>
        <translation>Leertaste drücken, um diesen Loop zu hören</translation>
    </message>
    <message>
        <source>No demo library: %1</source>
        <translation>Keine Demo-Bibliothek: %1</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 holds no loop</source>
        <translation>%1 enthält keinen Loop</translation>
    </message>
    <message>
        <source>%1, generated</source>
        <translation>%1, generiert</translation>
    </message>
    <message>
        <source>%1, mined</source>
        <translation>%1, gefunden</translation>
    </message>
</context>
<context>
    <name>GeneratePanel</name>
    <message>
        <source>#%1 %2 · %3 · seed %4 · %L5 loops, %L6 kept</source>
        <translation>#%1 %2 · %3 · Seed %4 · %L5 Loops, %L6 behalten</translation>
    </message>
    <message>
        <source>Temperature %L1, %2, max score %3, seed %4, %L5 BPM: found %L6 of %L7 asked in %L8 draws</source>
        <translation>Temperatur %L1, %2, max. Score %3, Seed %4, %L5 BPM: %L6 von %L7 gewünschten in %L8 Ziehungen gefunden</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About loopminer</source>
        <translation>&amp;Über loopminer</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>PieceText</name>
    <message>
        <source>no bass part (a bass has GM program 33–40)</source>
        <translation>keine Bassspur (ein Bass hat GM-Programm 33–40)</translation>
    </message>
    <message>
        <source>no drum part (on channel 10)</source>
        <translation>keine Schlagzeugspur (auf Kanal 10)</translation>
    </message>
    <message>
        <source>no drum part and no bass part</source>
        <translation>weder Schlagzeug- noch Bassspur</translation>
    </message>
    <message>
        <source>not in 4/4 (%1)</source>
        <translation>nicht im 4/4-Takt (%1)</translation>
    </message>
    <message>
        <source>Matrix: the bars&apos; mel spectra (Pearson correlation)</source>
        <translation>Matrix: die Mel-Spektren der Takte (Pearson-Korrelation)</translation>
    </message>
    <message>
        <source>Matrix: drums + bass, the method&apos;s roll (windows and loop scores come from it)</source>
        <translation>Matrix: Schlagzeug + Bass, die Pianorolle der Methode (Fenster und Loop-Scores stammen daraus)</translation>
    </message>
    <message>
        <source>Matrix: all parts (%1), for display only</source>
        <translation>Matrix: alle Spuren (%1), nur zur Anzeige</translation>
    </message>
    <message>
        <source>, bars 1–%1 of %2</source>
        <translation>, Takte 1–%1 von %2</translation>
    </message>
    <message>
        <source>%1: the matrix shows all parts; no loops are mined from this file</source>
        <translation>%1: Die Matrix zeigt alle Spuren; aus dieser Datei werden keine Loops gewonnen</translation>
    </message>
    <message>
        <source>%1: the matrix shows the drum and bass roll; no loops are mined from this file</source>
        <translation>%1: Die Matrix zeigt die Schlagzeug- und Bass-Pianorolle; aus dieser Datei werden keine Loops gewonnen</translation>
    </message>
    <message>
        <source>No loops are mined from this file: %1</source>
        <translation>Aus dieser Datei werden keine Loops gewonnen: %1</translation>
    </message>
    <message>
        <source>Windows, the strip and the bar lane still come from the drums + bass roll</source>
        <translation>Fenster, Leiste und Taktspur stammen weiterhin aus der Schlagzeug- + Bass-Pianorolle</translation>
    </message>
    <message>
        <source>4/4 (assumed: no time signature)</source>
        <translation>4/4 (angenommen: keine Taktart angegeben)</translation>
    </message>
    <message>
        <source>shorter than the 8 bars a window needs</source>
        <translation>kürzer als die 8 Takte, die ein Fenster braucht</translation>
    </message>
    <message>
        <source>no window has %1 drum and %1 bass cells (the most in one window: %2 drum, %3 bass)</source>
        <translation>kein Fenster hat %1 Schlagzeug- und %1 Bass-Zellen (die meisten in einem Fenster: %2 Schlagzeug, %3 Bass)</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>von Ihnen gesetzt</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>, keys (program %1)</source>
        <translation>, Keys (Programm %1)</translation>
    </message>
    <message>
        <source>, not usable for the models: %1</source>
        <translation>, für die Modelle nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>, no window kept: %1</source>
        <translation>, kein Fenster behalten: %1</translation>
    </message>
    <message>
        <source> (the generative models learn 4/4 loops only)</source>
        <translation> (die generativen Modelle lernen nur 4/4-Loops)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source> — &lt;i&gt;changed since the import: import it again for its loop scores&lt;/i&gt;</source>
        <translation> — &lt;i&gt;seit dem Import geändert: erneut importieren, um die Loop-Scores zu erhalten&lt;/i&gt;</translation>
    </message>
    <message>
        <source> (the matrix shows bars 1–%1)</source>
        <translation> (die Matrix zeigt die Takte 1–%1)</translation>
    </message>
    <message>
        <source>No bars to show: %1</source>
        <translation>Keine Takte anzuzeigen: %1</translation>
    </message>
    <message>
        <source>This file cannot be read: %1</source>
        <translation>Diese Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no notes</source>
        <translation>keine Noten</translation>
    </message>
    <message>
        <source>%1 has no bars to show: %2.
The matrix is drawn from the drum and bass parts (a drum part on channel 10, a bass with program 33–40), or from all parts when there are none.</source>
        <translation>%1 hat keine Takte anzuzeigen: %2.
Die Matrix wird aus den Schlagzeug- und Bassspuren gezeichnet (Schlagzeug auf Kanal 10, ein Bass mit Programm 33–40) oder aus allen Spuren, wenn es diese nicht gibt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — audio, %L2 bars, %L3 BPM (%4), downbeat %L5 s, %L6 Hz, %7 ch, %L8 s</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Audio, %L2 Takte, %L3 BPM (%4), Downbeat %L5 s, %L6 Hz, %7 Kan., %L8 s</translation>
    </message>
    <message>
        <source>estimated, confidence %L1</source>
        <translation>geschätzt, Konfidenz %L1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %L2 s, %3, tpq %4: no bars to show (%5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %L2 s, %3, TPQ %4: keine Takte anzuzeigen (%5)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %L2 bars, %3, %L4 BPM, tpq %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %L2 Takte, %3, %L4 BPM, TPQ %5</translation>
    </message>
    <message>
        <source>, %L1 of %L2 windows kept</source>
        <translation>, %L1 von %L2 Fenstern behalten</translation>
    </message>
</context>
<context>
    <name>lm::ui::AboutDialog</name>
    <message>
        <source>LGPL-3 or GPL-2</source>
        <translation>LGPL-3 oder GPL-2</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>das Fenster</translation>
    </message>
    <message>
        <source>GPL-3+</source>
        <translation>GPL-3+</translation>
    </message>
    <message>
        <source>the training curves</source>
        <translation>die Trainingskurven</translation>
    </message>
    <message>
        <source>BSD-3-Clause</source>
        <translation>BSD-3-Clause</translation>
    </message>
    <message>
        <source>the models</source>
        <translation>die Modelle</translation>
    </message>
    <message>
        <source>training on several machines</source>
        <translation>Training auf mehreren Rechnern</translation>
    </message>
    <message>
        <source>LibTorch&apos;s matrix arithmetic</source>
        <translation>Matrizenrechnung von LibTorch</translation>
    </message>
    <message>
        <source>Apache-2.0</source>
        <translation>Apache-2.0</translation>
    </message>
    <message>
        <source>LibTorch&apos;s CPU kernels</source>
        <translation>CPU-Kernels von LibTorch</translation>
    </message>
    <message>
        <source>BSL-1.0</source>
        <translation>BSL-1.0</translation>
    </message>
    <message>
        <source>LibTorch&apos;s vector maths</source>
        <translation>Vektorrechnung von LibTorch</translation>
    </message>
    <message>
        <source>BSD-3-Clause, BSD-2-Clause, BSD-2-Clause</source>
        <translation>BSD-3-Clause, BSD-2-Clause, BSD-2-Clause</translation>
    </message>
    <message>
        <source>LibTorch&apos;s CPU support</source>
        <translation>CPU-Unterstützung von LibTorch</translation>
    </message>
    <message>
        <source>LibTorch&apos;s support libraries</source>
        <translation>Hilfsbibliotheken von LibTorch</translation>
    </message>
    <message>
        <source>LGPL-2.1+</source>
        <translation>LGPL-2.1+</translation>
    </message>
    <message>
        <source>reading and writing audio files</source>
        <translation>Audiodateien lesen und schreiben</translation>
    </message>
    <message>
        <source>BSD-2-Clause</source>
        <translation>BSD-2-Clause</translation>
    </message>
    <message>
        <source>resampling audio</source>
        <translation>Abtastratenwandlung</translation>
    </message>
    <message>
        <source>GPL-2+</source>
        <translation>GPL-2+</translation>
    </message>
    <message>
        <source>audio spectra</source>
        <translation>Audiospektren</translation>
    </message>
    <message>
        <source>beat tracking</source>
        <translation>Beat-Erkennung</translation>
    </message>
    <message>
        <source>MIT-style</source>
        <translation>MIT-artig</translation>
    </message>
    <message>
        <source>MIDI output</source>
        <translation>MIDI-Ausgabe</translation>
    </message>
    <message>
        <source>MIDI ports under JACK</source>
        <translation>MIDI-Ports unter JACK</translation>
    </message>
    <message>
        <source>the built-in synth</source>
        <translation>der eingebaute Synthesizer</translation>
    </message>
    <message>
        <source>MIT</source>
        <translation>MIT</translation>
    </message>
    <message>
        <source>the built-in synth&apos;s sounds</source>
        <translation>die Klänge des Synthesizers</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>gemeinfrei</translation>
    </message>
    <message>
        <source>the library file</source>
        <translation>die Bibliotheksdatei</translation>
    </message>
    <message>
        <source>Apache-2.0 and BSD-3-Clause</source>
        <translation>Apache-2.0 und BSD-3-Clause</translation>
    </message>
    <message>
        <source>linked by LibTorch</source>
        <translation>von LibTorch gelinkt</translation>
    </message>
    <message>
        <source>Expat (MIT)</source>
        <translation>Expat (MIT)</translation>
    </message>
    <message>
        <source>LGPL-3+ with a static linking exception</source>
        <translation>LGPL-3+ mit Static-Linking-Ausnahme</translation>
    </message>
    <message>
        <source>OpenLDAP-2.8</source>
        <translation>OpenLDAP-2.8</translation>
    </message>
    <message>
        <source>About loopminer</source>
        <translation>Über loopminer</translation>
    </message>
    <message>
        <source>&lt;h2&gt;loopminer %1&lt;/h2&gt;&lt;p&gt;Finds the loops in MIDI and audio collections, learns from them and generates new ones.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later (GPL-3+). Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Built on these libraries:&lt;/p&gt;</source>
        <translation>&lt;h2&gt;loopminer %1&lt;/h2&gt;&lt;p&gt;Findet die Loops in MIDI- und Audiosammlungen, lernt aus ihnen und erzeugt neue.&lt;/p&gt;&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder später (GPL-3+). Gebaut mit Qt %2, läuft unter Qt %3.&lt;/p&gt;&lt;p&gt;Aufgebaut auf diesen Bibliotheken:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
    <message>
        <source>Each library&apos;s full licence: /usr/share/doc/&lt;package&gt;/copyright</source>
        <translation>Die vollständige Lizenz jeder Bibliothek: /usr/share/doc/&lt;Paket&gt;/copyright</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
    <message>
        <source>Qt&apos;s version and licence</source>
        <translation>Version und Lizenz von Qt</translation>
    </message>
</context>
<context>
    <name>lm::ui::AudioAudition</name>
    <message>
        <source>Audio audition</source>
        <translation>Audio-Vorhören</translation>
    </message>
</context>
<context>
    <name>lm::ui::AudioOut</name>
    <message>
        <source>%1: cannot open the audio output</source>
        <translation>%1: Der Audioausgang kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1: audio output error</source>
        <translation>%1: Fehler am Audioausgang</translation>
    </message>
    <message>
        <source>%1: the audio output is gone</source>
        <translation>%1: Der Audioausgang ist nicht mehr vorhanden</translation>
    </message>
</context>
<context>
    <name>lm::ui::Audition</name>
    <message>
        <source>Playing into %1</source>
        <translation>Wiedergabe über %1</translation>
    </message>
    <message>
        <source>Playing stopped: %1</source>
        <translation>Wiedergabe angehalten: %1</translation>
    </message>
    <message>
        <source>No sound for audio pieces: %1</source>
        <translation>Kein Ton für Audiostücke: %1</translation>
    </message>
    <message>
        <source>Audio pieces play at their own tempo: the tempo box applies to MIDI loops</source>
        <translation>Audiostücke spielen in ihrem eigenen Tempo: Das Tempofeld gilt für MIDI-Loops</translation>
    </message>
    <message>
        <source>No sound: no MIDI port to play into, and no audio device for the built-in synth (tried %1)</source>
        <translation>Kein Ton: kein MIDI-Port zur Wiedergabe und kein Audiogerät für den eingebauten Synthesizer (versucht: %1)</translation>
    </message>
    <message>
        <source>No sound: no audio device for the built-in synth (tried %1)</source>
        <translation>Kein Ton: kein Audiogerät für den eingebauten Synthesizer (versucht: %1)</translation>
    </message>
    <message>
        <source>No sound: %1</source>
        <translation>Kein Ton: %1</translation>
    </message>
    <message>
        <source>Nothing to play: choose a loop (a piece&apos;s window)</source>
        <translation>Nichts abzuspielen: Wählen Sie einen Loop (ein Fenster eines Stücks)</translation>
    </message>
</context>
<context>
    <name>lm::ui::BarScoreLane</name>
    <message>
        <source>Bar %1: its kept windows are not scored yet (click: bars %2–%3)</source>
        <translation>Takt %1: Seine behaltenen Fenster sind noch nicht bewertet (Klick: Takte %2–%3)</translation>
    </message>
    <message>
        <source>Bar %1: no kept window contains it</source>
        <translation>Takt %1: in keinem behaltenen Fenster enthalten</translation>
    </message>
    <message>
        <source>Bar %1: loop score %2, the best of the kept windows containing it: bars %3–%4</source>
        <translation>Takt %1: Loop-Score %2, der beste der behaltenen Fenster, die ihn enthalten: Takte %3–%4</translation>
    </message>
    <message>
        <source> — a loop (under %1)</source>
        <translation> — ein Loop (unter %1)</translation>
    </message>
    <message>
        <source> — not a loop (threshold %1)</source>
        <translation> — kein Loop (Schwellenwert %1)</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>Takt</translation>
    </message>
</context>
<context>
    <name>lm::ui::ExportDialog</name>
    <message>
        <source>Export loop</source>
        <translation>Loop exportieren</translation>
    </message>
    <message>
        <source>Export %1 loops</source>
        <translation>%1 Loops exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>Felder: %1</translation>
    </message>
    <message>
        <source> × 8 bars</source>
        <translation> × 8 Takte</translation>
    </message>
    <message>
        <source>Cut at its period (1 bar)</source>
        <translation>Auf seine Periode schneiden (1 Takt)</translation>
    </message>
    <message>
        <source>Cut at its period (%1 bars)</source>
        <translation>Auf seine Periode schneiden (%1 Takte)</translation>
    </message>
    <message>
        <source>Cut each loop at its period</source>
        <translation>Jeden Loop auf seine Periode schneiden</translation>
    </message>
    <message>
        <source>A loop that repeats every 1, 2 or 4 bars is written as those bars (repeated as asked); one with no shorter period keeps its 8 bars</source>
        <translation>Ein Loop, der sich alle 1, 2 oder 4 Takte wiederholt, wird als diese Takte geschrieben (so oft wiederholt wie angegeben); einer ohne kürzere Periode behält seine 8 Takte</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Off: each loop at its source&apos;s tempo</source>
        <translation>Aus: jeder Loop im Tempo seiner Quelle</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>General MIDI</source>
        <translation>General MIDI</translation>
    </message>
    <message>
        <source>A text file of lines such as &apos;kick 36&apos; or &apos;closed hi-hat 42&apos;; empty: General MIDI</source>
        <translation>Eine Textdatei mit Zeilen wie &apos;kick 36&apos; oder &apos;closed hi-hat 42&apos;; leer: General MIDI</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Bass:</source>
        <translation>Bass:</translation>
    </message>
    <message>
        <source>Drum map:</source>
        <translation>Drum-Map:</translation>
    </message>
    <message>
        <source>Audio loops are cut from the file at its own rate and tempo</source>
        <translation>Audio-Loops werden mit der Abtastrate und dem Tempo der Datei aus ihr geschnitten</translation>
    </message>
    <message>
        <source> × 1 bar</source>
        <translation> × 1 Takt</translation>
    </message>
    <message>
        <source> × %1 bars</source>
        <translation> × %1 Takte</translation>
    </message>
    <message>
        <source> × its bars</source>
        <translation> × seine Takte</translation>
    </message>
    <message>
        <source>1 bar cut from the audio file (WAV or FLAC)</source>
        <translation>1 Takt aus der Audiodatei geschnitten (WAV oder FLAC)</translation>
    </message>
    <message>
        <source>%1 bars cut from the audio file (WAV or FLAC)</source>
        <translation>%1 Takte aus der Audiodatei geschnitten (WAV oder FLAC)</translation>
    </message>
    <message>
        <source>%1, … (%2 files)</source>
        <translation>%1, … (%2 Dateien)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation>Wählen Sie einen Ordner für den Export.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Audio (*.wav *.flac)</source>
        <translation>Audio (*.wav *.flac)</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-Dateien (*.mid)</translation>
    </message>
    <message>
        <source>Drum map</source>
        <translation>Drum-Map</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>Die zu schreibende Datei wählen</translation>
    </message>
    <message>
        <source>Choose the folder to write the loops into</source>
        <translation>Den Ordner wählen, in den die Loops geschrieben werden</translation>
    </message>
    <message>
        <source>How many times the loop is written one after another (1 to %1)</source>
        <translation>Wie oft der Loop hintereinander geschrieben wird (1 bis %1)</translation>
    </message>
    <message>
        <source>The tempo of the exported MIDI files, 20 to 400 BPM (audio cuts keep their own)</source>
        <translation>Das Tempo der exportierten MIDI-Dateien, 20 bis 400 BPM (Audioschnitte behalten ihr eigenes)</translation>
    </message>
    <message>
        <source>The General MIDI program of the bass track (33-40: the bass family)</source>
        <translation>Das General-MIDI-Programm der Bassspur (33–40: die Bass-Familie)</translation>
    </message>
    <message>
        <source>Choose a drum map file for a drum plug-in that does not use General MIDI notes</source>
        <translation>Eine Drum-Map-Datei für ein Drum-Plug-in wählen, das keine General-MIDI-Noten verwendet</translation>
    </message>
</context>
<context>
    <name>lm::ui::GeneratePanel</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Press Generate to sample loops from the model.</source>
        <translation>Klicken Sie auf „Generieren“, um Loops aus dem Modell zu ziehen.</translation>
    </message>
    <message>
        <source>Earlier batches stay here until discarded</source>
        <translation>Frühere Durchläufe bleiben hier, bis sie verworfen werden</translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation>Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Put this batch&apos;s settings and seed in the form, to make it again</source>
        <translation>Einstellungen und Seed dieses Durchlaufs ins Formular übernehmen, um ihn zu wiederholen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Loop score</source>
        <translation>Loop-Score</translation>
    </message>
    <message>
        <source>Note density</source>
        <translation>Notendichte</translation>
    </message>
    <message>
        <source>Unique pitch</source>
        <translation>Tonhöhenvielfalt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>Add the selected loops to the library as generated loops</source>
        <translation>Die ausgewählten Loops als generierte Loops in die Bibliothek aufnehmen</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>Alle behalten</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Drop the selected loops that were not kept</source>
        <translation>Die ausgewählten, nicht behaltenen Loops verwerfen</translation>
    </message>
    <message>
        <source>Discard batch</source>
        <translation>Durchlauf verwerfen</translation>
    </message>
    <message>
        <source>Drop the batch&apos;s loops that were not kept and take it out of the history</source>
        <translation>Die nicht behaltenen Loops des Durchlaufs verwerfen und ihn aus dem Verlauf entfernen</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>Generating loops</source>
        <translation>Loops werden generiert</translation>
    </message>
    <message>
        <source>Open a library first: generated loops are kept there.</source>
        <translation>Öffnen Sie zuerst eine Bibliothek: Generierte Loops werden dort aufbewahrt.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>Generieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>No batches yet: generated loops are listed here until kept or discarded.</source>
        <translation>Noch keine Durchläufe: Generierte Loops stehen hier, bis sie behalten oder verworfen werden.</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Cannot keep the loops: %1</source>
        <translation>Die Loops können nicht behalten werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n loop(s) in the library</source>
        <translation>
            <numerusform>%n Loop in der Bibliothek behalten</numerusform>
            <numerusform>%n Loops in der Bibliothek behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot discard the loops: %1</source>
        <translation>Die Loops können nicht verworfen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n loop(s)</source>
        <translation>
            <numerusform>%n Loop verworfen</numerusform>
            <numerusform>%n Loops verworfen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot discard the batch: %1</source>
        <translation>Der Durchlauf kann nicht verworfen werden: %1</translation>
    </message>
    <message>
        <source>Discarded batch #%1</source>
        <translation>Durchlauf #%1 verworfen</translation>
    </message>
    <message>
        <source>Stopped: kept %L1 of %L2 drawn</source>
        <translation>Angehalten: %L1 von %L2 gezogenen behalten</translation>
    </message>
    <message>
        <source>Kept %L1 of %L2 drawn</source>
        <translation>%L1 von %L2 gezogenen behalten</translation>
    </message>
    <message>
        <source>Kept %L1 of %L2 drawn, in %3 (open it to see them)</source>
        <translation>%L1 von %L2 gezogenen behalten, in %3 (öffnen Sie sie, um sie zu sehen)</translation>
    </message>
    <message>
        <source>Discarded %L1; kept loops stay in the library</source>
        <translation>%L1 verworfen; behaltene Loops bleiben in der Bibliothek</translation>
    </message>
    <message>
        <source>Draw new loops from the active model with these settings</source>
        <translation>Neue Loops mit diesen Einstellungen aus dem aktiven Modell ziehen</translation>
    </message>
    <message>
        <source>Stop generating; the loops found so far stay in the list</source>
        <translation>Generieren anhalten; die bisher gefundenen Loops bleiben in der Liste</translation>
    </message>
    <message>
        <source>Add every loop of this batch to the library as generated loops</source>
        <translation>Alle Loops dieses Durchlaufs als generierte Loops in die Bibliothek aufnehmen</translation>
    </message>
    <message>
        <source>No models in this build: %1</source>
        <translation>Keine Modelle in diesem Build: %1</translation>
    </message>
</context>
<context>
    <name>lm::ui::GenerationForm</name>
    <message>
        <source>How many loops to find (each under the max loop score)</source>
        <translation>Wie viele Loops gefunden werden sollen (jeder unter dem max. Loop-Score)</translation>
    </message>
    <message>
        <source>Sampling temperature of the prior: lower is safer, higher is more varied</source>
        <translation>Sampling-Temperatur des Priors: niedriger ist sicherer, höher abwechslungsreicher</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Sample from the k likeliest codes, or from the smallest set whose probability reaches p</source>
        <translation>Aus den k wahrscheinlichsten Codes ziehen oder aus der kleinsten Menge, deren Wahrscheinlichkeit p erreicht</translation>
    </message>
    <message>
        <source>Rejection threshold: a drawn loop is kept only when its loop score is under this</source>
        <translation>Verwerfungsschwelle: Ein gezogener Loop wird nur behalten, wenn sein Loop-Score darunter liegt</translation>
    </message>
    <message>
        <source>The same seed and settings give the same loops again</source>
        <translation>Derselbe Seed mit denselben Einstellungen ergibt wieder dieselben Loops</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>A new seed for every run (shown here, so that a result can be made again)</source>
        <translation>Ein neuer Seed bei jedem Durchlauf (hier angezeigt, damit sich ein Ergebnis wiederholen lässt)</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>The loops&apos; tempo when played and exported</source>
        <translation>Das Tempo der Loops bei Wiedergabe und Export</translation>
    </message>
    <message>
        <source>500 per loop</source>
        <translation>500 pro Loop</translation>
    </message>
    <message>
        <source>VQ-VAE + prior</source>
        <translation>VQ-VAE + Prior</translation>
    </message>
    <message>
        <source>CNN-VAE (baseline)</source>
        <translation>CNN-VAE (Vergleichsmodell)</translation>
    </message>
    <message>
        <source>The paper&apos;s model, or its CNN-VAE baseline (draws from N(0, I); no temperature or top-k)</source>
        <translation>Das Modell des Artikels oder sein CNN-VAE-Vergleichsmodell (zieht aus N(0, I); keine Temperatur, kein Top-k)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Loops</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Max loop score</source>
        <translation>Max. Loop-Score</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Draw limit</source>
        <translation>Ziehungslimit</translation>
    </message>
    <message>
        <source>The model&apos;s CNN-VAE</source>
        <translation>Der CNN-VAE des Modells</translation>
    </message>
    <message>
        <source>This model has no CNN-VAE (train one in the Train tab)</source>
        <translation>Dieses Modell hat keinen CNN-VAE (trainieren Sie einen im Reiter „Training“)</translation>
    </message>
    <message>
        <source>k: each code is drawn from the k likeliest (smaller: safer)</source>
        <translation>k: Jeder Code wird aus den k wahrscheinlichsten gezogen (kleiner: sicherer)</translation>
    </message>
    <message>
        <source>p, 0.01 to 1: each code is drawn from the likeliest codes whose probabilities add up to p</source>
        <translation>p, 0,01 bis 1: Jeder Code wird aus den wahrscheinlichsten Codes gezogen, deren Wahrscheinlichkeiten zusammen p ergeben</translation>
    </message>
    <message>
        <source>Give up after this many draws in all (the lowest value: 500 for each loop asked for)</source>
        <translation>Nach so vielen Ziehungen insgesamt aufgeben (der kleinste Wert: 500 für jeden gewünschten Loop)</translation>
    </message>
</context>
<context>
    <name>lm::ui::GenerationNovelty</name>
    <message>
        <source>Novelty of generated loops</source>
        <translation>Neuheit generierter Loops</translation>
    </message>
    <message>
        <source>Hide copies</source>
        <translation>Kopien ausblenden</translation>
    </message>
    <message>
        <source>Hide the loops that are exact or near copies of a training loop (at most 10 % of their cells differ)</source>
        <translation>Loops ausblenden, die exakte oder beinahe Kopien eines Trainings-Loops sind (höchstens 10 % ihrer Zellen weichen ab)</translation>
    </message>
    <message>
        <source>Novelty</source>
        <translation>Neuheit</translation>
    </message>
    <message>
        <source>The nearest training loop: new, near copy or copy, and the share of cells that differ from it</source>
        <translation>Der nächste Trainings-Loop: neu, Beinahe-Kopie oder Kopie, und der Anteil der Zellen, die von ihm abweichen</translation>
    </message>
    <message>
        <source>Comparing with the training loops…</source>
        <translation>Vergleich mit den Trainings-Loops…</translation>
    </message>
    <message>
        <source>Novelty not measured: %1</source>
        <translation>Neuheit nicht gemessen: %1</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <source>near copy</source>
        <translation>Beinahe-Kopie</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>%1 (%L2 %)</source>
        <translation>%1 (%L2 %)</translation>
    </message>
    <message>
        <source>Nearest training loop by cells: %L1 cells differ (%L2 % of those either has on); latent distance to the nearest training loop %L3</source>
        <translation>Nächster Trainings-Loop nach Zellen: %L1 Zellen weichen ab (%L2 % derer, die in einem der beiden gesetzt sind); latenter Abstand zum nächsten Trainings-Loop %L3</translation>
    </message>
    <message>
        <source>Of %L1 loops: %L2 new, %L3 near copies, %L4 copies of the library&apos;s %L5 training loops</source>
        <translation>Von %L1 Loops: %L2 neu, %L3 Beinahe-Kopien, %L4 Kopien der %L5 Trainings-Loops der Bibliothek</translation>
    </message>
</context>
<context>
    <name>lm::ui::GuideWindow</name>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>Das Benutzerhandbuch fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>loopminer User Guide</source>
        <translation>loopminer-Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>lm::ui::ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source> Cancelled: run the import again to finish it.</source>
        <translation> Abgebrochen: Starten Sie den Import erneut, um ihn abzuschließen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>Warum sie übersprungen wurde</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Nothing skipped: every file was imported.</source>
        <translation>Nichts übersprungen: Alle Dateien wurden importiert.</translation>
    </message>
    <message>
        <source>%L1 files seen: %L2 read, %L3 unchanged, %L4 usable, %L5 not usable, %L6 could not be read; %L7 windows kept. %L8 s.%9</source>
        <translation>%L1 Dateien gefunden: %L2 gelesen, %L3 unverändert, %L4 verwendbar, %L5 nicht verwendbar, %L6 nicht lesbar; %L7 Fenster behalten. %L8 s.%9</translation>
    </message>
    <message>
        <source>Copy the list of skipped files and the reasons as text</source>
        <translation>Die Liste der übersprungenen Dateien samt Gründen als Text kopieren</translation>
    </message>
</context>
<context>
    <name>lm::ui::InterpolationStrip</name>
    <message>
        <source>Choose loops A and B, then Interpolate</source>
        <translation>Wählen Sie die Loops A und B, dann „Interpolieren“</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Step %1 of %2: loop score %3%4</source>
        <translation>Schritt %1 von %2: Loop-Score %3%4</translation>
    </message>
    <message>
        <source> (a loop)</source>
        <translation> (ein Loop)</translation>
    </message>
</context>
<context>
    <name>lm::ui::JobsBar</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job; what it finished is kept</source>
        <translation>Diesen Auftrag anhalten; was er fertiggestellt hat, bleibt erhalten</translation>
    </message>
    <message>
        <source> %1 of %2</source>
        <translation> %1 von %2</translation>
    </message>
    <message>
        <source>Pause this job at its next step; click again to go on</source>
        <translation>Diesen Auftrag beim nächsten Schritt anhalten; erneut klicken, um fortzufahren</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Den laufenden Auftrag abbrechen</translation>
    </message>
</context>
<context>
    <name>lm::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>The system&apos;s language is used from the next start of loopminer.</source>
        <translation>Ab dem nächsten Start von loopminer wird die Sprache des Systems verwendet.</translation>
    </message>
    <message>
        <source>%1 is used from the next start of loopminer.</source>
        <translation>Ab dem nächsten Start von loopminer wird %1 verwendet.</translation>
    </message>
</context>
<context>
    <name>lm::ui::LatentPanel</name>
    <message>
        <source>Similar loops</source>
        <translation>Ähnliche Loops</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <source>Choose a loop in the Loops tab</source>
        <translation>Wählen Sie einen Loop im Reiter „Loops“</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Mehr davon</translation>
    </message>
    <message>
        <source>Find similar loops</source>
        <translation>Ähnliche Loops finden</translation>
    </message>
    <message>
        <source>The nearest loops of the chosen loop in the active model&apos;s latent space (the distance of their 32 quantised codes)</source>
        <translation>Die nächsten Loops des gewählten Loops im latenten Raum des aktiven Modells (der Abstand ihrer 32 quantisierten Codes)</translation>
    </message>
    <message>
        <source>nearest </source>
        <translation>nächste </translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>Interpolieren</translation>
    </message>
    <message>
        <source>Set A</source>
        <translation>A setzen</translation>
    </message>
    <message>
        <source>A: none</source>
        <translation>A: keiner</translation>
    </message>
    <message>
        <source>Set B</source>
        <translation>B setzen</translation>
    </message>
    <message>
        <source>B: none</source>
        <translation>B: keiner</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>Play step</source>
        <translation>Schritt abspielen</translation>
    </message>
    <message>
        <source>Keep step</source>
        <translation>Schritt behalten</translation>
    </message>
    <message>
        <source>Adds the step to the library as a generated loop</source>
        <translation>Nimmt den Schritt als generierten Loop in die Bibliothek auf</translation>
    </message>
    <message>
        <source>Export step…</source>
        <translation>Schritt exportieren…</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Export step</source>
        <translation>Schritt exportieren</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-Dateien (*.mid)</translation>
    </message>
    <message>
        <source>Chosen loop: %1</source>
        <translation>Gewählter Loop: %1</translation>
    </message>
    <message>
        <source>This build has no models</source>
        <translation>Dieser Build enthält keine Modelle</translation>
    </message>
    <message>
        <source>Choose a loop first</source>
        <translation>Wählen Sie zuerst einen Loop</translation>
    </message>
    <message>
        <source>Looking for loops like %1…</source>
        <translation>Suche nach Loops wie %1…</translation>
    </message>
    <message>
        <source>No similar loops: %1</source>
        <translation>Keine ähnlichen Loops: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s) nearest in the latent space of %1</source>
        <translation>
            <numerusform>%n nächster Loop im latenten Raum von %1</numerusform>
            <numerusform>%n nächste Loops im latenten Raum von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Set loops A and B first</source>
        <translation>Setzen Sie zuerst die Loops A und B</translation>
    </message>
    <message>
        <source>audio loops have no roll to interpolate</source>
        <translation>Audio-Loops haben keine Pianorolle zum Interpolieren</translation>
    </message>
    <message>
        <source>Interpolating…</source>
        <translation>Interpolation läuft…</translation>
    </message>
    <message>
        <source>Cannot interpolate: %1</source>
        <translation>Interpolation nicht möglich: %1</translation>
    </message>
    <message>
        <source>No step chosen</source>
        <translation>Kein Schritt gewählt</translation>
    </message>
    <message>
        <source>Exported step %1 to %2</source>
        <translation>Schritt %1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Cannot keep the step: %1</source>
        <translation>Der Schritt kann nicht behalten werden: %1</translation>
    </message>
    <message>
        <source>Kept step %1 as %2</source>
        <translation>Schritt %1 als %2 behalten</translation>
    </message>
    <message>
        <source>%1 · generated</source>
        <translation>%1 · generiert</translation>
    </message>
    <message>
        <source>%1 · %2 bar %3</source>
        <translation>%1 · %2 Takt %3</translation>
    </message>
    <message>
        <source>reading loops</source>
        <translation>Loops werden gelesen</translation>
    </message>
    <message>
        <source>%L1 steps from A to B; choose one to audition, keep or export it</source>
        <translation>%L1 Schritte von A nach B; wählen Sie einen zum Vorhören, Behalten oder Exportieren</translation>
    </message>
    <message>
        <source>Step %1: loop score %2, %L3 % of cells differ from A, %L4 % from B</source>
        <translation>Schritt %1: Loop-Score %2, %L3 % der Zellen weichen von A ab, %L4 % von B</translation>
    </message>
    <message>
        <source>How many similar loops to list (1 to 200)</source>
        <translation>Wie viele ähnliche Loops aufgelistet werden (1 bis 200)</translation>
    </message>
    <message>
        <source>Start the walk at the loop chosen in the Loops or Generate tab</source>
        <translation>Den Weg bei dem Loop beginnen, der im Reiter „Loops“ oder „Generieren“ gewählt ist</translation>
    </message>
    <message>
        <source>End the walk at the loop chosen in the Loops or Generate tab</source>
        <translation>Den Weg bei dem Loop beenden, der im Reiter „Loops“ oder „Generieren“ gewählt ist</translation>
    </message>
    <message>
        <source>Loops on the way from A to B, A and B included (2 to 32)</source>
        <translation>Loops auf dem Weg von A nach B, A und B eingeschlossen (2 bis 32)</translation>
    </message>
    <message>
        <source>Walk from A to B through the model&apos;s latent space, one loop per step</source>
        <translation>Von A nach B durch den latenten Raum des Modells gehen, ein Loop pro Schritt</translation>
    </message>
    <message>
        <source>Play the chosen step through the transport (Enter or double-click; Space stops)</source>
        <translation>Den gewählten Schritt über den Transport abspielen (Eingabetaste oder Doppelklick; Leertaste stoppt)</translation>
    </message>
    <message>
        <source>Save the chosen step as a MIDI file</source>
        <translation>Den gewählten Schritt als MIDI-Datei speichern</translation>
    </message>
</context>
<context>
    <name>lm::ui::LibraryPanel</name>
    <message>
        <source>Filter by file name (Ctrl+F)</source>
        <translation>Nach Dateiname filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Usable only</source>
        <translation>Nur verwendbare</translation>
    </message>
    <message>
        <source>MIDI and audio</source>
        <translation>MIDI und Audio</translation>
    </message>
    <message>
        <source>MIDI</source>
        <translation>MIDI</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Only files whose best loop score is at most this (lower is more loop-like)</source>
        <translation>Nur Dateien, deren bester Loop-Score höchstens so hoch ist (niedriger heißt loop-artiger)</translation>
    </message>
    <message>
        <source>Score ≤</source>
        <translation>Score ≤</translation>
    </message>
    <message>
        <source>Only files that give loops: a MIDI file with drums and a bass, or an audio file that could be read</source>
        <translation>Nur Dateien, die Loops ergeben: eine MIDI-Datei mit Schlagzeug und Bass oder eine lesbare Audiodatei</translation>
    </message>
    <message>
        <source>Show MIDI files, audio files or both</source>
        <translation>MIDI-Dateien, Audiodateien oder beides anzeigen</translation>
    </message>
</context>
<context>
    <name>lm::ui::LibrarySession</name>
    <message>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Scoring loops</source>
        <translation>Loops werden bewertet</translation>
    </message>
    <message>
        <source>Analysing again</source>
        <translation>Erneute Analyse</translation>
    </message>
    <message>
        <source>Wait for the running job to finish (or cancel it) before opening another library.</source>
        <translation>Warten Sie, bis der laufende Auftrag fertig ist (oder brechen Sie ihn ab), bevor Sie eine andere Bibliothek öffnen.</translation>
    </message>
    <message>
        <source>Count the &amp;Keys in the Bar Correlation</source>
        <translation>&amp;Keys in der Taktkorrelation mitzählen</translation>
    </message>
    <message>
        <source>Files imported from now on count the keys part&apos;s cells in their bar correlations</source>
        <translation>Ab jetzt importierte Dateien zählen die Zellen der Keys-Spur in ihren Taktkorrelationen mit</translation>
    </message>
    <message>
        <source>Cannot import %1: no such file or folder.</source>
        <translation>%1 kann nicht importiert werden: Datei oder Ordner nicht vorhanden.</translation>
    </message>
    <message>
        <source>%1 is still being analysed</source>
        <translation>%1 wird noch analysiert</translation>
    </message>
</context>
<context>
    <name>lm::ui::LibraryTableModel</name>
    <message>
        <source>4/4 (assumed)</source>
        <translation>4/4 (angenommen)</translation>
    </message>
    <message>
        <source>usable</source>
        <translation>verwendbar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Takte</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Metre</source>
        <translation>Taktart</translation>
    </message>
    <message>
        <source>Windows kept</source>
        <translation>Behaltene Fenster</translation>
    </message>
    <message>
        <source>Best loop score</source>
        <translation>Bester Loop-Score</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>lm::ui::Look</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Switch Between Panel and Piece View</source>
        <translation>Zwischen Panel und Stückansicht wechseln</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopDragStarter</name>
    <message>
        <source>Drum map not used: %1</source>
        <translation>Drum-Map nicht verwendet: %1</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder for the dragged files</source>
        <translation>Für die gezogenen Dateien kann kein temporärer Ordner angelegt werden</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopExporter</name>
    <message>
        <source>Exporting loops</source>
        <translation>Loops werden exportiert</translation>
    </message>
    <message>
        <source>%1: cannot make the folder</source>
        <translation>%1: Der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>Exported 1 loop to %1</source>
        <translation>1 Loop nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 loops to %2</source>
        <translation>%1 Loops nach %2 exportiert</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>; 1 existing file kept</source>
        <translation>; 1 vorhandene Datei beibehalten</translation>
    </message>
    <message>
        <source>; %1 existing files kept</source>
        <translation>; %1 vorhandene Dateien beibehalten</translation>
    </message>
    <message>
        <source>; %1 failed: %2</source>
        <translation>; %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>Datei vorhanden</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 ist in %2 bereits vorhanden. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Skip All</source>
        <translation>Alle überspringen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopFilters</name>
    <message>
        <source>★ only</source>
        <translation>Nur ★</translation>
    </message>
    <message>
        <source>Only your favourite loops (star a loop with a click on its star or Ctrl+D)</source>
        <translation>Nur Ihre Lieblings-Loops (einen Loop markieren Sie mit einem Klick auf seinen Stern oder Strg+D)</translation>
    </message>
    <message>
        <source>Only loops with this tag</source>
        <translation>Nur Loops mit diesem Tag</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Slowest tempo shown (BPM, inclusive)</source>
        <translation>Langsamstes angezeigtes Tempo (BPM, einschließlich)</translation>
    </message>
    <message>
        <source>Fastest tempo shown (BPM, inclusive)</source>
        <translation>Schnellstes angezeigtes Tempo (BPM, einschließlich)</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Alle Tags</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopListExport</name>
    <message>
        <source>E&amp;xport Selected Loops…</source>
        <translation>Ausgewählte Loops e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Select loops in the Loops panel first</source>
        <translation>Wählen Sie zuerst Loops im Reiter „Loops“</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopMarkActions</name>
    <message>
        <source>&amp;Star / Unstar</source>
        <translation>&amp;Stern setzen / entfernen</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>&amp;Tag hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Tags…</source>
        <translation>Tags &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n loop(s) (several: comma-separated):</source>
        <translation>
            <numerusform>Tag für %n Loop (mehrere: durch Kommas getrennt):</numerusform>
            <numerusform>Tag für %n Loops (mehrere: durch Kommas getrennt):</numerusform>
        </translation>
    </message>
    <message>
        <source>Favourites and tags</source>
        <translation>Favoriten und Tags</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopsPanel</name>
    <message>
        <source>Filter loops by file name (Ctrl+F)</source>
        <translation>Loops nach Dateiname filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Under threshold</source>
        <translation>Unter Schwellenwert</translation>
    </message>
    <message>
        <source>Only windows the detector scored under its loop threshold</source>
        <translation>Nur Fenster, die der Detektor unter seinem Loop-Schwellenwert bewertet hat</translation>
    </message>
    <message>
        <source>Mined loops, generated loops kept in the library, or those of one model</source>
        <translation>Gefundene Loops, in der Bibliothek behaltene generierte Loops oder die eines Modells</translation>
    </message>
    <message>
        <source>Loops that repeat every 1, 2, 4 or 8 bars, or that have no such period (mined loops)</source>
        <translation>Loops, die sich alle 1, 2, 4 oder 8 Takte wiederholen oder keine solche Periode haben (gefundene Loops)</translation>
    </message>
    <message>
        <source>Any period</source>
        <translation>Jede Periode</translation>
    </message>
    <message>
        <source>Period 1 bar</source>
        <translation>Periode 1 Takt</translation>
    </message>
    <message>
        <source>Period %1 bars</source>
        <translation>Periode %1 Takte</translation>
    </message>
    <message>
        <source>No period</source>
        <translation>Keine Periode</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>The loops chosen on the library map; click to show all again</source>
        <translation>Die auf der Bibliothekskarte gewählten Loops; klicken, um wieder alle anzuzeigen</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Mined</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
    <message>
        <source>Generated by %1</source>
        <translation>Generiert von %1</translation>
    </message>
    <message numerus="yes">
        <source>Map selection: %n loop(s) ✕</source>
        <translation>
            <numerusform>Kartenauswahl: %n Loop ✕</numerusform>
            <numerusform>Kartenauswahl: %n Loops ✕</numerusform>
        </translation>
    </message>
    <message>
        <source>Only loops with at least this note density (steps of a bar with a note, 0 to 16)</source>
        <translation>Nur Loops mit mindestens dieser Notendichte (Schritte eines Takts mit einer Note, 0 bis 16)</translation>
    </message>
    <message>
        <source>Only loops with at most this note density (steps of a bar with a note, 0 to 16)</source>
        <translation>Nur Loops mit höchstens dieser Notendichte (Schritte eines Takts mit einer Note, 0 bis 16)</translation>
    </message>
</context>
<context>
    <name>lm::ui::LoopsTableModel</name>
    <message>
        <source>Generated loop %1 (model %2)</source>
        <translation>Generierter Loop %1 (Modell %2)</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>%1 · generated (%2)</source>
        <translation>%1 · generiert (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Loop score</source>
        <translation>Loop-Score</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Note density</source>
        <translation>Notendichte</translation>
    </message>
    <message>
        <source>Unique pitch</source>
        <translation>Tonhöhenvielfalt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Favourite: click or press Ctrl+D to unstar</source>
        <translation>Favorit: Klick oder Strg+D entfernt den Stern</translation>
    </message>
    <message>
        <source>Click or press Ctrl+D to star</source>
        <translation>Klick oder Strg+D setzt einen Stern</translation>
    </message>
    <message>
        <source>Tags, comma-separated: double-click or F2 to edit</source>
        <translation>Tags, durch Kommas getrennt: Doppelklick oder F2 zum Bearbeiten</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>lm::ui::MainWindow</name>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Loops</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Loop scores not updated: %1</source>
        <translation>Loop-Scores nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Library...</source>
        <translation>&amp;Neue Bibliothek…</translation>
    </message>
    <message>
        <source>New library</source>
        <translation>Neue Bibliothek</translation>
    </message>
    <message>
        <source>Libraries (*.sqlite)</source>
        <translation>Bibliotheken (*.sqlite)</translation>
    </message>
    <message>
        <source>&amp;Open Library...</source>
        <translation>Bibliothek ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open library</source>
        <translation>Bibliothek öffnen</translation>
    </message>
    <message>
        <source>&amp;Import Folder...</source>
        <translation>Ordner &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a folder of MIDI and audio files</source>
        <translation>Einen Ordner mit MIDI- und Audiodateien importieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <source>Cannot open library</source>
        <translation>Bibliothek kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>No library</source>
        <translation>Keine Bibliothek</translation>
    </message>
    <message>
        <source>Cannot read the library: %1</source>
        <translation>Die Bibliothek kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%L1 files, %L2 usable, %L3 windows kept</source>
        <translation>%L1 Dateien, %L2 verwendbar, %L3 Fenster behalten</translation>
    </message>
    <message>
        <source>, %L1 loops under %2</source>
        <translation>, %L1 Loops unter %2</translation>
    </message>
    <message>
        <source>Play or stop the loop shown</source>
        <translation>Den angezeigten Loop abspielen oder stoppen</translation>
    </message>
</context>
<context>
    <name>lm::ui::MapPanel</name>
    <message>
        <source>Library map</source>
        <translation>Bibliothekskarte</translation>
    </message>
    <message>
        <source>PCA (fast)</source>
        <translation>PCA (schnell)</translation>
    </message>
    <message>
        <source>t-SNE (neighbours)</source>
        <translation>t-SNE (Nachbarschaft)</translation>
    </message>
    <message>
        <source>Colour: source</source>
        <translation>Farbe: Quelle</translation>
    </message>
    <message>
        <source>Colour: loop score</source>
        <translation>Farbe: Loop-Score</translation>
    </message>
    <message>
        <source>Colour: note density</source>
        <translation>Farbe: Notendichte</translation>
    </message>
    <message>
        <source>Colour: tempo</source>
        <translation>Farbe: Tempo</translation>
    </message>
    <message>
        <source>Build map</source>
        <translation>Karte erstellen</translation>
    </message>
    <message>
        <source>Hover a dot to see its loop, click to play it, drag a lasso to filter the Loops tab (Escape clears it).</source>
        <translation>Über einen Punkt fahren zeigt seinen Loop, Klicken spielt ihn ab, ein Lasso filtert den Reiter „Loops“ (Esc hebt es auf).</translation>
    </message>
    <message>
        <source>This build has no models</source>
        <translation>Dieser Build enthält keine Modelle</translation>
    </message>
    <message>
        <source>Open a library first</source>
        <translation>Öffnen Sie zuerst eine Bibliothek</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Laying out the library…</source>
        <translation>Bibliothek wird angeordnet…</translation>
    </message>
    <message>
        <source>No map: %1</source>
        <translation>Keine Karte: %1</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>generiert</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 bar %2</source>
        <translation>%1 Takt %2</translation>
    </message>
    <message>
        <source>%L1 loops, %2 in %L3 s; 10-NN trustworthiness %4. Hover a dot to see its loop, click to play it, drag a lasso to filter the Loops tab (Escape clears it).</source>
        <translation>%L1 Loops, %2 in %L3 s; 10-NN-Vertrauenswürdigkeit %4. Über einen Punkt fahren zeigt seinen Loop, Klicken spielt ihn ab, ein Lasso filtert den Reiter „Loops“ (Esc hebt es auf).</translation>
    </message>
    <message>
        <source>How the loops are laid out: PCA is quick; t-SNE keeps neighbours together but takes longer</source>
        <translation>Wie die Loops angeordnet werden: PCA ist schnell; t-SNE hält Nachbarn zusammen, braucht aber länger</translation>
    </message>
    <message>
        <source>What the dots&apos; colour shows</source>
        <translation>Was die Farbe der Punkte zeigt</translation>
    </message>
    <message>
        <source>Place every loop of the library as a dot, similar loops close together (the active model&apos;s latent space)</source>
        <translation>Jeden Loop der Bibliothek als Punkt setzen, ähnliche Loops nah beieinander (der latente Raum des aktiven Modells)</translation>
    </message>
</context>
<context>
    <name>lm::ui::MapView</name>
    <message>
        <source>Press Build map to lay out the library&apos;s loops</source>
        <translation>Klicken Sie auf „Karte erstellen“, um die Loops der Bibliothek anzuordnen</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>kein Score</translation>
    </message>
</context>
<context>
    <name>lm::ui::MatrixChoice</name>
    <message>
        <source>All parts</source>
        <translation>Alle Spuren</translation>
    </message>
    <message>
        <source>Show the matrix of every part of the file instead of the drum and bass roll that windows and loop scores use</source>
        <translation>Die Matrix aller Spuren der Datei zeigen statt der Schlagzeug- und Bass-Pianorolle, die Fenster und Loop-Scores verwenden</translation>
    </message>
</context>
<context>
    <name>lm::ui::ModelsPanel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Trainiert mit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Score the library with this model&apos;s detector and generate with it</source>
        <translation>Die Bibliothek mit dem Detektor dieses Modells bewerten und mit ihm generieren</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>Neuer Name für %1:</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Delete the model %1 and its files? This cannot be undone.</source>
        <translation>Das Modell %1 und seine Dateien löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Evaluated %1.</source>
        <translation>%1 evaluiert.</translation>
    </message>
    <message>
        <source>Evaluation of %1 failed: %2</source>
        <translation>Evaluierung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source> (bundled)</source>
        <translation> (mitgeliefert)</translation>
    </message>
    <message>
        <source> — active</source>
        <translation> — aktiv</translation>
    </message>
    <message>
        <source>%1 loops: %2</source>
        <translation>%1 Loops: %2</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht aufgezeichnet)</translation>
    </message>
    <message>
        <source>
data fingerprint %1</source>
        <translation>
Daten-Fingerabdruck %1</translation>
    </message>
    <message>
        <source>The bundled model cannot be renamed</source>
        <translation>Das mitgelieferte Modell kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>The bundled model cannot be deleted</source>
        <translation>Das mitgelieferte Modell kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>%1 is active: scoring the library with its detector.</source>
        <translation>%1 ist aktiv: Die Bibliothek wird mit seinem Detektor bewertet.</translation>
    </message>
    <message>
        <source>Cannot rename %1: %2</source>
        <translation>%1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Evaluating %1 (%2 loops generated, 3 repeats)…</source>
        <translation>%1 wird evaluiert (%2 Loops generiert, 3 Wiederholungen)…</translation>
    </message>
    <message>
        <source>loops</source>
        <translation>Loops</translation>
    </message>
    <message>
        <source>loop score</source>
        <translation>Loop-Score</translation>
    </message>
    <message>
        <source>unique pitch</source>
        <translation>Tonhöhenvielfalt</translation>
    </message>
    <message>
        <source>note density</source>
        <translation>Notendichte</translation>
    </message>
    <message>
        <source>bar correlation</source>
        <translation>Taktkorrelation</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>(reference)</source>
        <translation>(Referenz)</translation>
    </message>
    <message>
        <source>K %1, %2 epochs, batch %3</source>
        <translation>K %1, %2 Epochen, Batch %3</translation>
    </message>
    <message>
        <source>prior %1 x %2, %3 epochs</source>
        <translation>Prior %1 × %2, %3 Epochen</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwellenwert %1</translation>
    </message>
    <message>
        <source>Hamming %1 %</source>
        <translation>Hamming %1 %</translation>
    </message>
    <message>
        <source>perplexity %1</source>
        <translation>Perplexität %1</translation>
    </message>
    <message>
        <source>prior val. loss %1</source>
        <translation>Prior-Val.-Loss %1</translation>
    </message>
    <message>
        <source> (unfinished: %1)</source>
        <translation> (unvollständig: %1)</translation>
    </message>
    <message>
        <source> (no %1)</source>
        <translation> (kein %1)</translation>
    </message>
    <message>
        <source>Generate loops with this model and compare them with the loops it learnt from</source>
        <translation>Loops mit diesem Modell generieren und mit den Loops vergleichen, aus denen es gelernt hat</translation>
    </message>
    <message>
        <source>Give the selected model another name</source>
        <translation>Dem ausgewählten Modell einen anderen Namen geben</translation>
    </message>
    <message>
        <source>Delete the selected model and its files (asks first)</source>
        <translation>Das ausgewählte Modell und seine Dateien löschen (mit Rückfrage)</translation>
    </message>
</context>
<context>
    <name>lm::ui::PianoRollView</name>
    <message>
        <source>Keys %1%2</source>
        <translation>Keys %1%2</translation>
    </message>
    <message>
        <source>Click the matrix or the strip to show a window</source>
        <translation>Klicken Sie auf die Matrix oder die Leiste, um ein Fenster anzuzeigen</translation>
    </message>
    <message>
        <source>bar correlation</source>
        <translation>Taktkorrelation</translation>
    </message>
</context>
<context>
    <name>lm::ui::PieceView</name>
    <message>
        <source>No piece selected</source>
        <translation>Kein Stück ausgewählt</translation>
    </message>
    <message>
        <source>Tempo…</source>
        <translation>Tempo…</translation>
    </message>
    <message>
        <source>Set this audio piece&apos;s tempo and first downbeat</source>
        <translation>Tempo und ersten Downbeat dieses Audiostücks festlegen</translation>
    </message>
    <message>
        <source>&amp;Export Window...</source>
        <translation>Fenster &amp;exportieren…</translation>
    </message>
    <message>
        <source>Select a window on the matrix or the strip first</source>
        <translation>Wählen Sie zuerst ein Fenster in der Matrix oder der Leiste</translation>
    </message>
    <message>
        <source>Loading the piece</source>
        <translation>Stück wird geladen</translation>
    </message>
    <message>
        <source>Select a piece to see its self-similarity</source>
        <translation>Wählen Sie ein Stück, um seine Selbstähnlichkeit zu sehen</translation>
    </message>
    <message>
        <source>Generated loop %1 is not in the library</source>
        <translation>Der generierte Loop %1 ist nicht in der Bibliothek</translation>
    </message>
    <message>
        <source> · not kept yet</source>
        <translation> · noch nicht behalten</translation>
    </message>
    <message>
        <source>A generated loop has no piece: its roll and bar matrix are below</source>
        <translation>Ein generierter Loop hat kein Stück: Pianorolle und Taktmatrix stehen unten</translation>
    </message>
    <message>
        <source>Generated loop %1</source>
        <translation>Generierter Loop %1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Bars %1–%2 (audio, no notes; Ctrl+E exports the bars)</source>
        <translation>Takte %1–%2 (Audio, keine Noten; Strg+E exportiert die Takte)</translation>
    </message>
    <message>
        <source> · %1/%2</source>
        <translation> · %1/%2</translation>
    </message>
    <message>
        <source>Bars %1–%2%3</source>
        <translation>Takte %1–%2%3</translation>
    </message>
    <message>
        <source>No window selected</source>
        <translation>Kein Fenster ausgewählt</translation>
    </message>
    <message>
        <source>Nothing to export: select a window on the matrix or the strip first.</source>
        <translation>Nichts zu exportieren: Wählen Sie zuerst ein Fenster in der Matrix oder der Leiste.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated loop %1&lt;/b&gt; · %2 · seed %3 · loop score %4 · %L5 BPM%6</source>
        <translation>&lt;b&gt;Generierter Loop %1&lt;/b&gt; · %2 · Seed %3 · Loop-Score %4 · %L5 BPM%6</translation>
    </message>
</context>
<context>
    <name>lm::ui::RecentLibraries</name>
    <message>
        <source>Recent &amp;Libraries</source>
        <translation>&amp;Zuletzt geöffnete Bibliotheken</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;%1 %2 (missing)</source>
        <translation>&amp;%1 %2 (fehlt)</translation>
    </message>
    <message>
        <source>%1: no such file (moved or deleted)</source>
        <translation>%1: Datei nicht vorhanden (verschoben oder gelöscht)</translation>
    </message>
    <message>
        <source>No recent libraries</source>
        <translation>Keine zuletzt geöffneten Bibliotheken</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>lm::ui::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Hauptfenster</translation>
    </message>
    <message>
        <source>Anywhere but a text field</source>
        <translation>Überall außer in einem Textfeld</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>Links, Rechts</translation>
    </message>
    <message>
        <source>Previous or next window</source>
        <translation>Vorheriges oder nächstes Fenster</translation>
    </message>
    <message>
        <source>Window strip</source>
        <translation>Fensterleiste</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Pos1, Ende</translation>
    </message>
    <message>
        <source>First or last window</source>
        <translation>Erstes oder letztes Fenster</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Hoch, Runter</translation>
    </message>
    <message>
        <source>Previous or next loop or file (follows while playing)</source>
        <translation>Voriger/nächster Eintrag (folgt beim Abspielen)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Left, Right, Home, End</source>
        <translation>Links, Rechts, Pos1, Ende</translation>
    </message>
    <message>
        <source>Choose a step</source>
        <translation>Einen Schritt wählen</translation>
    </message>
    <message>
        <source>Explore: interpolation strip</source>
        <translation>Erkunden: Interpolationsleiste</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Play the chosen step or similar loop</source>
        <translation>Den gewählten Schritt oder ähnlichen Loop abspielen</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the lasso selection</source>
        <translation>Die Lasso-Auswahl aufheben</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was sie bewirkt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>lm::ui::SsmView</name>
    <message>
        <source>Select a piece to see its self-similarity</source>
        <translation>Wählen Sie ein Stück, um seine Selbstähnlichkeit zu sehen</translation>
    </message>
    <message>
        <source>win</source>
        <translation>Fen.</translation>
    </message>
    <message>
        <source>repeats every bar</source>
        <translation>wiederholt sich jeden Takt</translation>
    </message>
    <message>
        <source>repeats every %1 bars</source>
        <translation>wiederholt sich alle %1 Takte</translation>
    </message>
    <message>
        <source>no period of 1, 2, 4 or 8 bars</source>
        <translation>keine Periode von 1, 2, 4 oder 8 Takten</translation>
    </message>
    <message>
        <source>score 0 … %1</source>
        <translation>Score 0 … %1</translation>
    </message>
    <message>
        <source>red: loop (&lt; %1)</source>
        <translation>rot: Loop (&lt; %1)</translation>
    </message>
    <message>
        <source>dark: kept, no score</source>
        <translation>dunkel: behalten, kein Score</translation>
    </message>
    <message>
        <source>light: not kept</source>
        <translation>hell: nicht behalten</translation>
    </message>
    <message>
        <source>grey: empty bars</source>
        <translation>grau: leere Takte</translation>
    </message>
    <message>
        <source>Window of bars %1–%2</source>
        <translation>Fenster der Takte %1–%2</translation>
    </message>
    <message>
        <source>: not kept (too few drum or bass cells)</source>
        <translation>: nicht behalten (zu wenige Schlagzeug- oder Bass-Zellen)</translation>
    </message>
    <message>
        <source>: not scored yet</source>
        <translation>: noch nicht bewertet</translation>
    </message>
    <message>
        <source>: loop score %1</source>
        <translation>: Loop-Score %1</translation>
    </message>
    <message>
        <source> — a loop (under %1)</source>
        <translation> — ein Loop (unter %1)</translation>
    </message>
    <message>
        <source> — not a loop (threshold %1)</source>
        <translation> — kein Loop (Schwellenwert %1)</translation>
    </message>
    <message>
        <source>bar %1, bar %2: both empty, nothing to compare</source>
        <translation>Takt %1, Takt %2: beide leer, nichts zu vergleichen</translation>
    </message>
    <message>
        <source>bar %1, bar %2: %L3</source>
        <translation>Takt %1, Takt %2: %L3</translation>
    </message>
</context>
<context>
    <name>lm::ui::TempoDialog</name>
    <message>
        <source>Tempo of %1</source>
        <translation>Tempo von %1</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Use the estimate again</source>
        <translation>Wieder die Schätzung verwenden</translation>
    </message>
    <message>
        <source>½ ×</source>
        <translation>½ ×</translation>
    </message>
    <message>
        <source>Half the tempo (bars twice as long)</source>
        <translation>Halbes Tempo (doppelt so lange Takte)</translation>
    </message>
    <message>
        <source>2 ×</source>
        <translation>2 ×</translation>
    </message>
    <message>
        <source>Double the tempo (bars half as long)</source>
        <translation>Doppeltes Tempo (halb so lange Takte)</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>First downbeat:</source>
        <translation>Erster Downbeat:</translation>
    </message>
    <message>
        <source>The piece&apos;s tempo in beats per minute (20 to 400); bars are four beats</source>
        <translation>Das Tempo des Stücks in Schlägen pro Minute (20 bis 400); ein Takt hat vier Schläge</translation>
    </message>
    <message>
        <source>Where the first bar starts, in seconds from the start of the file (a pickup lies before it)</source>
        <translation>Wo der erste Takt beginnt, in Sekunden ab Dateianfang (ein Auftakt liegt davor)</translation>
    </message>
    <message>
        <source>Forget the tempo and downbeat set here and go back to what loopminer estimated</source>
        <translation>Hier gesetztes Tempo und Downbeat verwerfen und zur Schätzung von loopminer zurückkehren</translation>
    </message>
</context>
<context>
    <name>lm::ui::TempoOctaveButtons</name>
    <message>
        <source>½ ×</source>
        <translation>½ ×</translation>
    </message>
    <message>
        <source>Half this audio piece&apos;s tempo (bars twice as long)</source>
        <translation>Halbes Tempo für dieses Audiostück (doppelt so lange Takte)</translation>
    </message>
    <message>
        <source>2 ×</source>
        <translation>2 ×</translation>
    </message>
    <message>
        <source>Double this audio piece&apos;s tempo (bars half as long)</source>
        <translation>Doppeltes Tempo für dieses Audiostück (halb so lange Takte)</translation>
    </message>
</context>
<context>
    <name>lm::ui::Theme</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark preference</source>
        <translation>Der hellen oder dunklen Einstellung des Desktops folgen</translation>
    </message>
</context>
<context>
    <name>lm::ui::TrainCharts</name>
    <message>
        <source>Which network&apos;s curves to show (the running one is chosen by itself)</source>
        <translation>Welche Kurven eines Netzes gezeigt werden (das laufende wird von selbst gewählt)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>training (epoch)</source>
        <translation>Training (Epoche)</translation>
    </message>
    <message>
        <source>validation (epoch)</source>
        <translation>Validierung (Epoche)</translation>
    </message>
    <message>
        <source>per batch, smoothed</source>
        <translation>pro Batch, geglättet</translation>
    </message>
    <message>
        <source>autoencoder | SVDD</source>
        <translation>Autoencoder | SVDD</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>VQ-VAE (validation)</source>
        <translation>VQ-VAE (Validierung)</translation>
    </message>
    <message>
        <source>Hamming error</source>
        <translation>Hamming-Fehler</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>Curves of:</source>
        <translation>Kurven von:</translation>
    </message>
    <message>
        <source>CNN-VAE (validation)</source>
        <translation>CNN-VAE (Validierung)</translation>
    </message>
</context>
<context>
    <name>lm::ui::TrainForm</name>
    <message>
        <source>4/4 (the models&apos; metre)</source>
        <translation>4/4 (die Taktart der Modelle)</translation>
    </message>
    <message>
        <source>The time signature of the library&apos;s loops to learn from; loops in other metres are left out</source>
        <translation>Die Taktart der Bibliotheks-Loops, aus denen gelernt wird; Loops in anderen Taktarten werden ausgelassen</translation>
    </message>
    <message>
        <source>Keep the bundled detector</source>
        <translation>Mitgelieferten Detektor behalten</translation>
    </message>
    <message>
        <source>A folder of loop files (one loop per file)</source>
        <translation>Ein Ordner mit Loop-Dateien (ein Loop pro Datei)</translation>
    </message>
    <message>
        <source>The loops chosen above</source>
        <translation>Die oben gewählten Loops</translation>
    </message>
    <message>
        <source>The detector should learn from known loops, as the paper&apos;s did. Trained on the windows of whole songs it learns what is typical rather than what repeats, so keep the bundled one unless you have a folder of loop files.</source>
        <translation>Der Detektor sollte aus bekannten Loops lernen, wie der des Artikels. Mit den Fenstern ganzer Songs trainiert, lernt er eher, was typisch ist, als was sich wiederholt – behalten Sie also den mitgelieferten, es sei denn, Sie haben einen Ordner mit Loop-Dateien.</translation>
    </message>
    <message>
        <source>All three, in order</source>
        <translation>Alle drei, nacheinander</translation>
    </message>
    <message>
        <source>Loop detector</source>
        <translation>Loop-Detektor</translation>
    </message>
    <message>
        <source>VQ-VAE</source>
        <translation>VQ-VAE</translation>
    </message>
    <message>
        <source>Prior (on the active model&apos;s VQ-VAE)</source>
        <translation>Prior (auf dem VQ-VAE des aktiven Modells)</translation>
    </message>
    <message>
        <source>CNN-VAE (the paper&apos;s baseline)</source>
        <translation>CNN-VAE (das Vergleichsmodell des Artikels)</translation>
    </message>
    <message>
        <source>The networks to train into a new model. The others are copied from the active model.</source>
        <translation>Die Netze, die in ein neues Modell trainiert werden. Die übrigen werden aus dem aktiven Modell kopiert.</translation>
    </message>
    <message>
        <source>Loops under the detector&apos;s threshold</source>
        <translation>Loops unter dem Schwellenwert des Detektors</translation>
    </message>
    <message>
        <source>All mined loops</source>
        <translation>Alle gefundenen Loops</translation>
    </message>
    <message>
        <source>The loops panel&apos;s filtered selection</source>
        <translation>Die gefilterte Auswahl im Reiter „Loops“</translation>
    </message>
    <message>
        <source>A folder of loop files</source>
        <translation>Ein Ordner mit Loop-Dateien</translation>
    </message>
    <message>
        <source>Kept generated loops</source>
        <translation>Behaltene generierte Loops</translation>
    </message>
    <message>
        <source>What the VQ-VAE and the prior learn from (the paper: mined loops under the detector&apos;s threshold)</source>
        <translation>Woraus VQ-VAE und Prior lernen (im Artikel: gefundene Loops unter dem Schwellenwert des Detektors)</translation>
    </message>
    <message>
        <source>folder of loop files (MIDI or audio)</source>
        <translation>Ordner mit Loop-Dateien (MIDI oder Audio)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>The new model&apos;s name (a number is added when it is taken)</source>
        <translation>Der Name des neuen Modells (ist er vergeben, wird eine Nummer angehängt)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Loops</translation>
    </message>
    <message>
        <source>Metre</source>
        <translation>Taktart</translation>
    </message>
    <message>
        <source>Detector data</source>
        <translation>Detektordaten</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Detector epochs</source>
        <translation>Detektor-Epochen</translation>
    </message>
    <message>
        <source>Epochs of each detector phase: the autoencoder, then Deep SVDD</source>
        <translation>Epochen jeder Detektorphase: erst der Autoencoder, dann Deep SVDD</translation>
    </message>
    <message>
        <source>VQ-VAE epochs</source>
        <translation>VQ-VAE-Epochen</translation>
    </message>
    <message>
        <source>Passes over the loops for the VQ-VAE</source>
        <translation>Durchgänge über die Loops für den VQ-VAE</translation>
    </message>
    <message>
        <source>Prior epochs</source>
        <translation>Prior-Epochen</translation>
    </message>
    <message>
        <source>Passes over the code sequences for the prior</source>
        <translation>Durchgänge über die Codefolgen für den Prior</translation>
    </message>
    <message>
        <source>CNN-VAE epochs</source>
        <translation>CNN-VAE-Epochen</translation>
    </message>
    <message>
        <source>Passes over the loops for the CNN-VAE baseline (beta rises from 0 to 1 over the first half)</source>
        <translation>Durchgänge über die Loops für das CNN-VAE-Vergleichsmodell (Beta steigt in der ersten Hälfte von 0 auf 1)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Loops per optimiser step (smaller: more steps per epoch)</source>
        <translation>Loops pro Optimiererschritt (kleiner: mehr Schritte pro Epoche)</translation>
    </message>
    <message>
        <source>AdamW&apos;s learning rate at the start of each phase (cosine annealing to 5e-6)</source>
        <translation>Lernrate von AdamW zu Beginn jeder Phase (Cosine Annealing bis 5e-6)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Codebook size</source>
        <translation>Codebuchgröße</translation>
    </message>
    <message>
        <source>K, the VQ-VAE&apos;s number of codes (the paper: 512)</source>
        <translation>K, die Anzahl der Codes des VQ-VAE (im Artikel: 512)</translation>
    </message>
    <message>
        <source>Prior layers</source>
        <translation>Prior-Schichten</translation>
    </message>
    <message>
        <source>LSTM layers of the prior (the paper: 4)</source>
        <translation>LSTM-Schichten des Priors (im Artikel: 4)</translation>
    </message>
    <message>
        <source>Prior hidden size</source>
        <translation>Prior-Hidden-Größe</translation>
    </message>
    <message>
        <source>LSTM width of the prior (the paper: 512)</source>
        <translation>LSTM-Breite des Priors (im Artikel: 512)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>The same seed, data and settings on one thread give the same model</source>
        <translation>Derselbe Seed mit denselben Daten und Einstellungen ergibt auf einem Thread dasselbe Modell</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>CPU threads for training; one core stays free for the window</source>
        <translation>CPU-Threads fürs Training; ein Kern bleibt für das Fenster frei</translation>
    </message>
    <message>
        <source>Loops generated and kept in this library</source>
        <translation>In dieser Bibliothek generierte und behaltene Loops</translation>
    </message>
    <message>
        <source>No generated loops are kept in this library yet (the Generate tab keeps them)</source>
        <translation>In dieser Bibliothek sind noch keine generierten Loops behalten (der Reiter „Generieren“ behält sie)</translation>
    </message>
    <message>
        <source>The models are 4/4 (8 bars of 16 steps): they learn the library&apos;s 4/4 loops only.</source>
        <translation>Die Modelle sind 4/4 (8 Takte zu 16 Schritten): Sie lernen nur die 4/4-Loops der Bibliothek.</translation>
    </message>
    <message>
        <source>Only the detector learns %1 loops (it reads bar correlations, which any metre gives); the VQ-VAE and the prior are 4/4 and refuse them: train the detector alone.</source>
        <translation>Nur der Detektor lernt %1-Loops (er liest Taktkorrelationen, die jede Taktart liefert); VQ-VAE und Prior sind 4/4 und lehnen sie ab: Trainieren Sie den Detektor allein.</translation>
    </message>
    <message>
        <source>1 mined loop in another metre is left out.</source>
        <translation>1 gefundener Loop in einer anderen Taktart wird ausgelassen.</translation>
    </message>
    <message>
        <source>%1 mined loops in other metres are left out.</source>
        <translation>%1 gefundene Loops in anderen Taktarten werden ausgelassen.</translation>
    </message>
    <message>
        <source>About %1 on this machine</source>
        <translation>Etwa %1 auf diesem Rechner</translation>
    </message>
    <message>
        <source> (for the library&apos;s loop count; a folder&apos;s loops are counted when it starts)</source>
        <translation> (für die Loop-Anzahl der Bibliothek; die Loops eines Ordners werden beim Start gezählt)</translation>
    </message>
    <message numerus="yes">
        <source> for %n loop(s)</source>
        <translation>
            <numerusform> für %n Loop</numerusform>
            <numerusform> für %n Loops</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>What a new loop detector learns from, when one is trained</source>
        <translation>Woraus ein neuer Loop-Detektor lernt, wenn einer trainiert wird</translation>
    </message>
    <message>
        <source>Choose the folder of loop files to learn from</source>
        <translation>Den Ordner mit Loop-Dateien wählen, aus denen gelernt wird</translation>
    </message>
</context>
<context>
    <name>lm::ui::TrainView</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stops at the next batch; the last epoch&apos;s checkpoint stands and can be resumed</source>
        <translation>Hält beim nächsten Batch an; der Checkpoint der letzten Epoche bleibt erhalten und kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>Trainings that were cancelled, crashed or closed with the app: they go on from their last checkpoint</source>
        <translation>Trainings, die abgebrochen, abgestürzt oder mit der App geschlossen wurden: Sie setzen an ihrem letzten Checkpoint fort</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>epoch %v of %m</source>
        <translation>Epoche %v von %m</translation>
    </message>
    <message>
        <source>batch %v of %m</source>
        <translation>Batch %v von %m</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <source>Paused (at the next batch).</source>
        <translation>Angehalten (beim nächsten Batch).</translation>
    </message>
    <message>
        <source>Going on.</source>
        <translation>Läuft weiter.</translation>
    </message>
    <message>
        <source>%1 (%2 left)</source>
        <translation>%1 (%2 offen)</translation>
    </message>
    <message>
        <source>No training to resume</source>
        <translation>Kein Training zum Fortsetzen</translation>
    </message>
    <message>
        <source>Choose a folder of loop files first.</source>
        <translation>Wählen Sie zuerst einen Ordner mit Loop-Dateien.</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>No training of %1 to resume.</source>
        <translation>Kein Training von %1 zum Fortsetzen.</translation>
    </message>
    <message>
        <source>Open a library first.</source>
        <translation>Öffnen Sie zuerst eine Bibliothek.</translation>
    </message>
    <message>
        <source>Training %1%2…</source>
        <translation>Training von %1%2…</translation>
    </message>
    <message>
        <source> (resuming)</source>
        <translation> (wird fortgesetzt)</translation>
    </message>
    <message>
        <source>Training %1 failed: %2</source>
        <translation>Training von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cancelled. The last checkpoint of %1 stands: Resume from checkpoint goes on from it.</source>
        <translation>Abgebrochen. Der letzte Checkpoint von %1 bleibt erhalten: „Ab Checkpoint fortsetzen“ macht dort weiter.</translation>
    </message>
    <message numerus="yes">
        <source>Trained %1 on %n loop(s) in %2.</source>
        <translation>
            <numerusform>%1 mit %n Loop in %2 trainiert.</numerusform>
            <numerusform>%1 mit %n Loops in %2 trainiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>VQ-VAE</source>
        <translation>VQ-VAE</translation>
    </message>
    <message>
        <source>CNN-VAE</source>
        <translation>CNN-VAE</translation>
    </message>
    <message>
        <source>prior</source>
        <translation>Prior</translation>
    </message>
    <message>
        <source>%1%2: epoch %L3 of %L4, batch %L5 of %L6 · %L7 samples/s · elapsed %8 · ETA %9</source>
        <translation>%1%2: Epoche %L3 von %L4, Batch %L5 von %L6 · %L7 Samples/s · vergangen %8 · Rest %9</translation>
    </message>
    <message>
        <source>Train a new model with these settings; it appears in the Models tab</source>
        <translation>Ein neues Modell mit diesen Einstellungen trainieren; es erscheint im Reiter „Modelle“</translation>
    </message>
    <message>
        <source>Pause the training at the next batch (the CPU is free meanwhile)</source>
        <translation>Das Training beim nächsten Batch anhalten (die CPU ist währenddessen frei)</translation>
    </message>
    <message>
        <source>Go on with the paused training</source>
        <translation>Das angehaltene Training fortsetzen</translation>
    </message>
</context>
<context>
    <name>lm::ui::Transport</name>
    <message>
        <source>▶ Play</source>
        <translation>▶ Abspielen</translation>
    </message>
    <message>
        <source>Play or stop the loop shown (Space)</source>
        <translation>Den angezeigten Loop abspielen oder stoppen (Leertaste)</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Off: the piece&apos;s own tempo; on: the tempo in the box (MIDI loops only: audio pieces play at their own tempo)</source>
        <translation>Aus: das eigene Tempo des Stücks; an: das Tempo im Feld (nur MIDI-Loops: Audiostücke spielen in ihrem eigenen Tempo)</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>MIDI clock</source>
        <translation>MIDI-Clock</translation>
    </message>
    <message>
        <source>Send 24 ppqn clock with Start and Stop, for a DAW that follows external clock</source>
        <translation>MIDI-Clock mit 24 PPQN samt Start und Stopp senden, für eine DAW, die einer externen Clock folgt</translation>
    </message>
    <message>
        <source>Where the audition plays: automatic is the first MIDI port that goes somewhere, else the built-in synth</source>
        <translation>Wohin das Vorhören spielt: automatisch ist der erste MIDI-Port, der irgendwohin führt, sonst der eingebaute Synthesizer</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgang:</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Stopp</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Built-in synth (General MIDI)</source>
        <translation>Eingebauter Synthesizer (General MIDI)</translation>
    </message>
    <message>
        <source>Virtual port “loopminer”</source>
        <translation>Virtueller Port „loopminer“</translation>
    </message>
    <message>
        <source>%1 (not found now)</source>
        <translation>%1 (derzeit nicht gefunden)</translation>
    </message>
    <message>
        <source>On: play the loop over and over; off: play it once</source>
        <translation>An: den Loop immer wieder abspielen; aus: einmal abspielen</translation>
    </message>
    <message>
        <source>The tempo to play MIDI loops at, 20 to 400 BPM (switch on Tempo to change it)</source>
        <translation>Das Tempo, in dem MIDI-Loops spielen, 20 bis 400 BPM (zum Ändern „Tempo“ einschalten)</translation>
    </message>
</context>
<context>
    <name>lm::ui::WhyHistogram</name>
    <message>
        <source>No loop scores in the library yet</source>
        <translation>Noch keine Loop-Scores in der Bibliothek</translation>
    </message>
    <message>
        <source>loop score (log scale)</source>
        <translation>Loop-Score (logarithmisch)</translation>
    </message>
</context>
<context>
    <name>lm::ui::WhyMatrix</name>
    <message>
        <source>Select a window</source>
        <translation>Wählen Sie ein Fenster</translation>
    </message>
</context>
<context>
    <name>lm::ui::WhyPanel</name>
    <message>
        <source>Generated loop %1 (model %2, seed %3)</source>
        <translation>Generierter Loop %1 (Modell %2, Seed %3)</translation>
    </message>
    <message>
        <source>drums and bass, as the model made them</source>
        <translation>Schlagzeug und Bass, wie das Modell sie erzeugt hat</translation>
    </message>
    <message>
        <source>(unnamed track)</source>
        <translation>(unbenannte Spur)</translation>
    </message>
    <message>
        <source>%1 (drums), %2 (bass)</source>
        <translation>%1 (Schlagzeug), %2 (Bass)</translation>
    </message>
    <message>
        <source>audio: no tracks (bars from the tempo and downbeat)</source>
        <translation>Audio: keine Spuren (Takte aus Tempo und Downbeat)</translation>
    </message>
    <message>
        <source>The window&apos;s bar correlations, as the detector reads them (1: bars alike). Outlined in red: the bar(s) least like the others</source>
        <translation>Die Taktkorrelationen des Fensters, wie der Detektor sie liest (1: gleiche Takte). Rot umrandet: der Takt bzw. die Takte, die den anderen am wenigsten gleichen</translation>
    </message>
    <message>
        <source>The library&apos;s loop scores (log scale; bar height: square root of the count). Dashed red: the threshold. Orange: this window&apos;s score</source>
        <translation>Die Loop-Scores der Bibliothek (logarithmisch; Balkenhöhe: Wurzel der Anzahl). Rot gestrichelt: der Schwellenwert. Orange: der Score dieses Fensters</translation>
    </message>
    <message>
        <source>Loading the library&apos;s loop scores</source>
        <translation>Loop-Scores der Bibliothek werden geladen</translation>
    </message>
    <message>
        <source>Select a window on the strip or a loop in the Loops tab to see why it is (or is not) a loop.</source>
        <translation>Wählen Sie ein Fenster in der Leiste oder einen Loop im Reiter „Loops“, um zu sehen, warum er ein Loop ist (oder nicht).</translation>
    </message>
    <message>
        <source>&lt;b&gt;A loop&lt;/b&gt;: loop score %1, under the threshold %2 (lower is more loop-like).</source>
        <translation>&lt;b&gt;Ein Loop&lt;/b&gt;: Loop-Score %1, unter dem Schwellenwert %2 (niedriger heißt loop-artiger).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not a loop&lt;/b&gt;: loop score %1, over the threshold %2 (lower is more loop-like).</source>
        <translation>&lt;b&gt;Kein Loop&lt;/b&gt;: Loop-Score %1, über dem Schwellenwert %2 (niedriger heißt loop-artiger).</translation>
    </message>
    <message>
        <source>Loop score %1; no threshold yet.</source>
        <translation>Loop-Score %1; noch kein Schwellenwert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not scored&lt;/b&gt;: the detector scores kept windows (32 drum and 32 bass cells) after an import.</source>
        <translation>&lt;b&gt;Nicht bewertet&lt;/b&gt;: Der Detektor bewertet behaltene Fenster (32 Schlagzeug- und 32 Bass-Zellen) nach einem Import.</translation>
    </message>
    <message>
        <source>Every bar is as like the others as the rest: nothing breaks the repetition.</source>
        <translation>Jeder Takt gleicht den anderen so sehr wie der Rest: Nichts bricht die Wiederholung.</translation>
    </message>
    <message>
        <source>Bar %1 breaks the repetition most: mean similarity %2 to the other bars (the best bar: %3).</source>
        <translation>Takt %1 bricht die Wiederholung am stärksten: mittlere Ähnlichkeit %2 zu den anderen Takten (der beste Takt: %3).</translation>
    </message>
    <message>
        <source>Bars %1 break the repetition most: mean similarity %2 to the other bars (the best bar: %3).</source>
        <translation>Die Takte %1 brechen die Wiederholung am stärksten: mittlere Ähnlichkeit %2 zu den anderen Takten (der beste Takt: %3).</translation>
    </message>
    <message>
        <source>Period: not computed (imported before schema 5; scan again).&lt;br&gt;%1</source>
        <translation>Periode: nicht berechnet (vor Schema 5 importiert; erneut scannen).&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Repeats every bar&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Wiederholt sich jeden Takt&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Repeats every %1 bars&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Wiederholt sich alle %1 Takte&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No period&lt;/b&gt; of 1, 2, 4 or 8 bars.&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Keine Periode&lt;/b&gt; von 1, 2, 4 oder 8 Takten.&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Why is this a loop?</source>
        <translation>Warum ist das ein Loop?</translation>
    </message>
    <message>
        <source>Show or hide what the selected window&apos;s loop score is made of (Ctrl+I)</source>
        <translation>Zeigen oder ausblenden, woraus sich der Loop-Score des gewählten Fensters zusammensetzt (Strg+I)</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>r(1)&amp;nbsp;%1 · r(2)&amp;nbsp;%2 · r(4)&amp;nbsp;%3 · r(8)&amp;nbsp;%4 (a period needs %L5)</source>
        <translation>r(1)&amp;nbsp;%1 · r(2)&amp;nbsp;%2 · r(4)&amp;nbsp;%3 · r(8)&amp;nbsp;%4 (eine Periode braucht %L5)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Tracks: %2&lt;br&gt;Bars %3–%4 · %L5 BPM</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Spuren: %2&lt;br&gt;Takte %3–%4 · %L5 BPM</translation>
    </message>
</context>
</TS>
