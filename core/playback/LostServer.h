#pragma once
// A JACK client writes to its server's socket; when the server goes away
// (jackd killed, a desktop's audio restarted), that write raises SIGPIPE,
// whose default action ends the process: loopminer would vanish with the
// user's unsaved state. Called before any JACK client is made, this ignores
// SIGPIPE, so the write fails
// with EPIPE instead and the output reports its error.
namespace lm {
void surviveLostAudioServer();
}
