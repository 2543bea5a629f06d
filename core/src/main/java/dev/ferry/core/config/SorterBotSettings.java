package dev.ferry.core.config;

import java.time.Duration;

/**
 * The SorterBot arms' WebSocket server ({@code FERRY_COMPAT=sorterbot}).
 *
 * @param port         its own port, beside the API's (the arms dial 6000); 0 picks a free one
 * @param commandsWait how long a {@code get_commands_of_session} waits for its sorting job
 * @param sessionTtl   how long a session's photos are kept after its last message
 */
public record SorterBotSettings(int port, Duration commandsWait, Duration sessionTtl) {}
