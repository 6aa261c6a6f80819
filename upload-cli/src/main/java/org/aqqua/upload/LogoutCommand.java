package org.aqqua.upload;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Forgets the stored login (the refresh token in the config folder).")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    AqquaUpload cli;

    @Override
    public Integer call() throws IOException {
        boolean removed = Credentials.delete(cli.configDir());
        cli.err.println(removed ? "Logged out." : "Not logged in.");
        return ExitCodes.OK;
    }
}
