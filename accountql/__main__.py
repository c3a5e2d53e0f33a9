from accountql.cli import main

main()
