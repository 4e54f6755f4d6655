#pragma once
#include "CliCommon.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"

#include <string>

namespace lm::cli {

int runWindows(int argc, char** argv);
int runSsm(int argc, char** argv);
int runRoll(int argc, char** argv);
int runScan(int argc, char** argv);
int runVersion(int argc, char** argv);
int runLoops(int argc, char** argv); // LoopsCommand.cpp
int runModels(int argc, char** argv); // ModelsCommand.cpp
int runStar(int argc, char** argv);   // MarksCommands.cpp: favourites
int runTag(int argc, char** argv);    // MarksCommands.cpp: tags
// Audio files (AudioCommands.cpp).
bool readTempoOptions(const Args& args, TempoSetting& tempo); // --bpm, --downbeat
bool isAudioCommandLine(int argc, char** argv);
int runAudioPiece(const std::string& command, int argc, char** argv); // windows, ssm
int runExportAudio(int argc, char** argv);
int runTempo(int argc, char** argv);
// Audition (PlayCommands.cpp).
int runPlay(int argc, char** argv);
int runPorts(int argc, char** argv);
int runExportLoops(int argc, char** argv); // export: library loops to MIDI files (ExportCommand.cpp)
// Sharded scans (ShardCommands.cpp): scan's --shard/--list/--root/--file-timeout, and merge.
int readShardOptions(const Args& args, ImportOptions& options);
int runMerge(int argc, char** argv);

} // namespace lm::cli
