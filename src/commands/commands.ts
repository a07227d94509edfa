// The ribbon's function file (commands.html): its handlers registered with Office by the adapter.
import { commandHandlers, registerWhenReady } from "../adapters/officejs/ribbon-commands";

registerWhenReady(commandHandlers);
