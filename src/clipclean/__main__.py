from .cli import run

if __name__ == "__main__":  # batch workers start by forkserver and import modules anew
    run()
