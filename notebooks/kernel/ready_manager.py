"""A Jupyter kernel manager that waits until the kernel listens before the client talks to it.

rapaio-jupyter-kernel 3.0.1 has two start-up races (measured on 2 busy cores: together about one start in four
or five fails). notebooks/run.sh works around both:

1. The kernel binds its ZeroMQ sockets before it installs its message handlers, and jupyter_client sends
   kernel_info_request at once; a message queued during start-up can arrive inside that window, and the shell
   thread dies with a NullPointerException ("this.handlers" is null). This manager avoids it: after launching
   the kernel it waits until all five ports accept connections, then a little longer, and only then lets
   nbclient start its channels (--ExecutePreprocessor.kernel_manager_class=ready_manager.ReadyKernelManager).
2. LoopThread.start() sets its "running" flag after Thread.start(), so a channel's loop thread can find it
   still false and end at once. When that hits the shell channel, no request is ever answered and nbclient
   reports "Kernel didn't respond". Nothing outside the kernel can prevent it; run.sh starts the notebook again.
"""

import asyncio
import time

from jupyter_client.manager import AsyncKernelManager

PORTS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


class ReadyKernelManager(AsyncKernelManager):
    ready_timeout = 120.0  # seconds for the JVM to bind its sockets
    settle = 1.0  # seconds between "all ports bound" and the first message

    async def start_kernel(self, **kw):
        await super().start_kernel(**kw)
        deadline = time.monotonic() + self.ready_timeout
        pending = [getattr(self, name) for name in PORTS]
        while pending:
            port = pending[0]
            try:
                _, writer = await asyncio.open_connection(self.ip, port)
                writer.close()
                pending.pop(0)
                continue
            except OSError:
                pass
            if not await self.is_alive():
                raise RuntimeError("the kernel exited during start-up")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel did not listen on port {port} within {self.ready_timeout:.0f} s")
            await asyncio.sleep(0.1)
        await asyncio.sleep(self.settle)
