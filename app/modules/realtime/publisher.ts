/**
 * The domain's side of real time: modules publish events through this port
 * after their transaction commits; server/realtime.ts delivers them with
 * socket.io. Tests and scripts can pass a recorder or the silent publisher.
 */
export interface RealtimePublisher {
  toUser(userId: number, event: string, payload: unknown): void;
  toRoom(room: string, event: string, payload: unknown): void;
}

export const silentPublisher: RealtimePublisher = {
  toUser() {},
  toRoom() {},
};

export const userRoom = (userId: number) => `user:${userId}`;
